/** The guide pages the reader has opened (src/lib/read-pages.ts), persisted in localStorage and synced across tabs. */
import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { decodeReadPages, readPagesStorageKey, withPageRead, type ReadPages } from '../lib/read-pages';

const storedPages = persistentAtom<ReadPages>(readPagesStorageKey, {}, {
  // An empty record removes the key.
  encode: (pages) => (Object.keys(pages).length === 0 ? undefined : JSON.stringify(pages)),
  decode: decodeReadPages,
});

export const readPages: ReadableAtom<ReadPages> = storedPages;

/** Records that the reader opened a guide page; a storage failure only means it is not remembered. */
export function markPageRead(path: string, now = new Date()): void {
  try {
    storedPages.set(withPageRead(storedPages.get(), path, now));
  } catch {
    // Storage is off or full: the page still reads the same.
  }
}
