/**
 * The reader-state actions only a few pages take (see progress.ts): the readiness check's result with the facts later
 * steps rely on, and the progress page's breakup date and its export, import and delete.
 */
import {
  decodeReaderState,
  emptyState,
  withBreakupDate,
  withQuizResult,
  withRelationshipSafe,
  type QuizResultInput,
  type RejectReason,
  type RelationshipSafe,
} from '../lib/reader-state';
import { changeReaderState, readerState } from './progress';

/** Saves the readiness result together with the two facts later steps rely on, in one write. */
export function saveReadiness(
  result: QuizResultInput,
  facts: { breakupDate: string; relationshipSafe: RelationshipSafe | undefined },
  now = new Date(),
): void {
  changeReaderState((state) => withRelationshipSafe(withBreakupDate(withQuizResult(state, 'readiness', result, now), facts.breakupDate), facts.relationshipSafe));
}

/** Sets (YYYY-MM-DD) or clears (undefined) the breakup date. */
export function setBreakupDate(breakupDate: string | undefined): void {
  changeReaderState((state) => withBreakupDate(state, breakupDate));
}

/** The state as a pretty-printed JSON document, for the export file. */
export function exportState(): string {
  return `${JSON.stringify(readerState.get(), null, 2)}\n`;
}

export type ImportResult = { ok: true; dropped: number } | { ok: false; reason: RejectReason };

/** Replaces the state with an exported file's contents, if the file is a valid state document. */
export function importState(text: string): ImportResult {
  const { state, dropped, rejected } = decodeReaderState(text);
  if (rejected) return { ok: false, reason: rejected };
  changeReaderState(() => state);
  return { ok: true, dropped };
}

/** Deletes everything saved on this device. */
export function clearState(): void {
  changeReaderState(() => emptyState);
}
