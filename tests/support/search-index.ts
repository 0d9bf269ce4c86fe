import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPagefindFile } from '../../src/integrations/search-bundle';
import { clientDir } from './paths';

/** Where the build writes Pagefind's bundle. */
export const pagefindDir = join(clientDir, 'pagefind');

/** One indexed page, as Pagefind stored it: its text, filters, metadata and headings. */
export interface IndexedPage {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string }[];
}


/** Every page in the built index (one fragment file per page). */
export function indexedPages(): IndexedPage[] {
  const fragments = join(pagefindDir, 'fragment');
  if (!existsSync(fragments)) throw new Error(`No Pagefind index at ${pagefindDir}: build first`);
  return readdirSync(fragments)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => JSON.parse(readPagefindFile(join(fragments, name)).toString('utf8')) as IndexedPage);
}

/** Total bytes of a folder's files. */
export function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((total, name) => {
    const full = join(dir, name);
    return total + (statSync(full).isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

/**
 * Words that occur on exactly one indexed page (as a substring of any word elsewhere, to be safe
 * about stemming), longest first: good search terms for "this step is among the results".
 */
export function wordsOnlyOn(url: string, pages = indexedPages(), count = 3): string[] {
  const page = pages.find((candidate) => candidate.url === url);
  if (!page) throw new Error(`${url} is not in the index`);
  const others = pages.filter((candidate) => candidate !== page).map((candidate) => candidate.content.toLowerCase());
  const words = [...new Set(page.content.toLowerCase().match(/\p{L}{8,}/gu) ?? [])];
  return words
    .filter((word) => others.every((text) => !text.includes(word)))
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, count);
}
