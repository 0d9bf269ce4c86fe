import { createHash } from 'node:crypto';

/** Runs this long copied from the seed count as copying. */
export const seedRunLength = 9;

/** Every run of `seedRunLength` consecutive words in a text. */
export function wordRuns(text: string): string[] {
  const words = normalisedWords(text);
  const runs: string[] = [];
  for (let index = 0; index + seedRunLength <= words.length; index += 1) runs.push(words.slice(index, index + seedRunLength).join(' '));
  return runs;
}

/** A short hash of a run: the fingerprint file stores these, never the seed's prose. */
export function runFingerprint(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 12);
}

/** Words of a text for overlap checks: lower case, straight apostrophes, no punctuation. */
export function normalisedWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2013\u2014]/g, ' ')
    .replace(/[^a-z0-9'\s]/g, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}
