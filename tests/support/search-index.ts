import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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

/** Pagefind's files are gzip with a "pagefind_dcd" signature in front of the payload. */
function decode(file: string): string {
  const bytes = gunzipSync(readFileSync(file));
  const signature = 'pagefind_dcd';
  if (bytes.subarray(0, signature.length).toString() !== signature) throw new Error(`${file} is not a Pagefind file`);
  return bytes.subarray(signature.length).toString('utf8');
}

/** Every page in the built index (one fragment file per page). */
export function indexedPages(): IndexedPage[] {
  const fragments = join(pagefindDir, 'fragment');
  if (!existsSync(fragments)) throw new Error(`No Pagefind index at ${pagefindDir}: build first`);
  return readdirSync(fragments).map((name) => JSON.parse(decode(join(fragments, name))) as IndexedPage);
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
