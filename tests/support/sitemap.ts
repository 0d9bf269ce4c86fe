import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir } from './paths';
import { builtPage, builtPages } from './site';

/** Site paths listed in the built sitemap, in order. */
export function sitemapPaths(): string[] {
  const read = (name: string) => readFileSync(join(clientDir, name), 'utf8');
  const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  return locations(read('sitemap-index.xml')).flatMap((sitemap) => locations(read(sitemap.slice(1))));
}

/** Every page of the sitemap, plus the built pages it leaves out (shared quiz results, admin). */
export function everyPagePath(): string[] {
  return [...new Set([...sitemapPaths(), ...builtPages().map((page) => page.path).filter((path) => path.endsWith('/'))])];
}

/**
 * The first page of the sitemap of each kind, a kind being the islands and page scripts a page runs: what a test of
 * the reader's state on every page needs, without loading thirty pages that run the same code.
 */
export function onePagePerKind(): string[] {
  const kinds = new Map<string, string>();
  for (const path of sitemapPaths()) {
    const { html } = builtPage(path);
    const code = [...html.matchAll(/<astro-island[^>]* component-url="([^"]+)"|<script[^>]* src="([^"]+)"| data-wake="([^"]+)"/g)].map(
      (match) => match[1] ?? match[2] ?? match[3],
    );
    const kind = [...new Set(code)].sort().join(' ');
    if (!kinds.has(kind)) kinds.set(kind, path);
  }
  return [...kinds.values()];
}
