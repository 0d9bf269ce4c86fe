import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir } from './paths';

/** Site paths listed in the built sitemap, in order. */
export function sitemapPaths(): string[] {
  const read = (name: string) => readFileSync(join(clientDir, name), 'utf8');
  const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  return locations(read('sitemap-index.xml')).flatMap((sitemap) => locations(read(sitemap.slice(1))));
}
