/**
 * The reader's progress, persisted in localStorage under `back-together:state` and synced across tabs
 * (storage events, handled by @nanostores/persistent). Pages read `readerState`; only the actions write, through
 * `changeReaderState`: those every guide page may need here, the rest (the readiness check's, and the progress page's
 * file and date controls) in reader-data.ts, so the site script of every page does not carry them.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import {
  decodeReaderState,
  emptyState,
  isEmptyState,
  stateStorageKey,
  withJournalEntry,
  withQuizResult,
  withStepDone,
  type QuizResultInput,
  type ReaderState,
} from '../lib/reader-state';
import { writeOrWarn } from './write-or-warn';

/** Parses stored text; damaged, foreign or newer data is dropped with a warning, never thrown. */
function decodeStored(text: string): ReaderState {
  const { state, dropped, rejected } = decodeReaderState(text);
  if (rejected) console.warn(`Back Together: saved progress was ignored (${rejected}); starting clean.`);
  else if (dropped > 0) console.warn(`Back Together: ${dropped} unreadable item(s) in saved progress were ignored.`);
  return state;
}

const storedState = persistentAtom<ReaderState>(stateStorageKey, emptyState, {
  // An empty state removes the key, so "delete everything" leaves nothing behind.
  encode: (state) => (isEmptyState(state) ? undefined : JSON.stringify(state)),
  decode: decodeStored,
});

/** The reader's state (read-only; change it through the actions). */
export const readerState: ReadableAtom<ReaderState> = storedState;

/** Writes a change to the state; a full or blocked storage is warned about, never thrown. */
export function changeReaderState(change: (state: ReaderState) => ReaderState): void {
  writeOrWarn(storedState, change, 'could not save progress on this device.');
}

/** Saves a quiz result; the previous one is kept as "last time". */
export function saveQuizResult(quizId: string, result: QuizResultInput, now = new Date()): void {
  changeReaderState((state) => withQuizResult(state, quizId, result, now));
}

export function setStepDone(stepSlug: string, done: boolean, now = new Date()): void {
  changeReaderState((state) => withStepDone(state, stepSlug, done, now));
}

export function saveJournal(promptId: string, text: string): void {
  changeReaderState((state) => withJournalEntry(state, promptId, text));
}
