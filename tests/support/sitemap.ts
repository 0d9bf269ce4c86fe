import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir } from './paths';
import { builtPages } from './site';

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
