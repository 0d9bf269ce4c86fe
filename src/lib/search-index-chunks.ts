/**
 * Smaller word-index chunks for Pagefind. A search downloads the one chunk whose word range holds each search word;
 * Pagefind closes a chunk only after 20,000 word locations (about 26 KB compressed), so on a site this size even a
 * one-word search downloads a quarter of the whole index. These helpers split the same words into smaller chunks and
 * name their word ranges the way Pagefind does, so its search finds them unchanged.
 *
 * Shapes, as Pagefind 1.6 writes them in CBOR: a chunk is `[words]`; a word is `[text, pages, …]`; a page is
 * `[pageNumber, locations, …]`. Each word's entry stands alone (its page numbers are relative to its own list), so
 * words can move between chunks as they are.
 */
import type { CborValue } from './cbor';

export type IndexWord = [text: string, pages: CborValue[], ...rest: CborValue[]];

/** Reads the words of a decoded chunk, checking the shape this module relies on. */
export function chunkWords(chunk: CborValue): IndexWord[] {
  const words = Array.isArray(chunk) ? chunk[0] : undefined;
  if (!Array.isArray(words)) throw new Error('Not a Pagefind index chunk: expected [words]');
  for (const word of words) {
    if (!Array.isArray(word) || typeof word[0] !== 'string' || !Array.isArray(word[1])) throw new Error('Not a Pagefind word entry: expected [text, pages, …]');
  }
  return words as IndexWord[];
}

/** Pagefind's measure of a word's size: one per page it is on, plus one per location. */
export function wordLocations(word: IndexWord): number {
  return word[1].reduce<number>((total, page) => total + 1 + (Array.isArray(page) && Array.isArray(page[1]) ? page[1].length : 0), 0);
}

/** Splits words (in index order) into chunks, closing each once it holds `maxLocations` or more, as Pagefind does. */
export function splitWords(words: IndexWord[], maxLocations: number): IndexWord[][] {
  const chunks: IndexWord[][] = [];
  let current: IndexWord[] = [];
  let size = 0;
  for (const word of words) {
    current.push(word);
    size += wordLocations(word);
    if (size >= maxLocations) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The shortest prefixes that still tell two neighbouring words apart (Pagefind's rule for chunk boundaries). */
function boundaryPrefixes(last: string, next: string): [string, string] {
  const a = Array.from(last);
  const b = Array.from(next);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/** Each chunk's word range, `[from, to]`, with boundaries between neighbours cut to their distinguishing prefixes. */
export function chunkRanges(chunks: IndexWord[][]): [from: string, to: string][] {
  const ranges = chunks.map((words): [string, string] => [words[0]?.[0] ?? '', words.at(-1)?.[0] ?? '']);
  for (let index = 0; index + 1 < ranges.length; index++) {
    const [to, from] = boundaryPrefixes(ranges[index]![1], ranges[index + 1]![0]);
    ranges[index]![1] = to;
    ranges[index + 1]![0] = from;
  }
  return ranges;
}
