/**
 * The reader's progress, persisted in localStorage under `back-together:state` and synced across tabs
 * (storage events, handled by @nanostores/persistent). Islands read `readerState`; only the actions below write.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import {
  decodeReaderState,
  emptyState,
  isEmptyState,
  stateStorageKey,
  withBreakupDate,
  withJournalEntry,
  withQuizResult,
  withRelationshipSafe,
  withStepDone,
  type QuizResultInput,
  type ReaderState,
  type RejectReason,
  type RelationshipSafe,
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

function update(change: (state: ReaderState) => ReaderState): void {
  writeOrWarn(storedState, change, 'could not save progress on this device.');
}

/** Saves a quiz result; the previous one is kept as "last time". */
export function saveQuizResult(quizId: string, result: QuizResultInput, now = new Date()): void {
  update((state) => withQuizResult(state, quizId, result, now));
}

/** Saves the readiness result together with the two facts later steps rely on, in one write. */
export function saveReadiness(
  result: QuizResultInput,
  facts: { breakupDate: string; relationshipSafe: RelationshipSafe | undefined },
  now = new Date(),
): void {
  update((state) => withRelationshipSafe(withBreakupDate(withQuizResult(state, 'readiness', result, now), facts.breakupDate), facts.relationshipSafe));
}

export function setStepDone(stepSlug: string, done: boolean, now = new Date()): void {
  update((state) => withStepDone(state, stepSlug, done, now));
}

/** Sets (YYYY-MM-DD) or clears (undefined) the breakup date. */
export function setBreakupDate(breakupDate: string | undefined): void {
  update((state) => withBreakupDate(state, breakupDate));
}

export function saveJournal(promptId: string, text: string): void {
  update((state) => withJournalEntry(state, promptId, text));
}

/** The state as a pretty-printed JSON document, for the export file. */
export function exportState(): string {
  return `${JSON.stringify(storedState.get(), null, 2)}\n`;
}

export type ImportResult = { ok: true; dropped: number } | { ok: false; reason: RejectReason };

/** Replaces the state with an exported file's contents, if the file is a valid state document. */
export function importState(text: string): ImportResult {
  const { state, dropped, rejected } = decodeReaderState(text);
  if (rejected) return { ok: false, reason: rejected };
  update(() => state);
  return { ok: true, dropped };
}

/** Deletes everything saved on this device. */
export function clearState(): void {
  update(() => emptyState);
}
