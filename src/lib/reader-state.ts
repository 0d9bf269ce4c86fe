/**
 * The reader's saved state: one versioned JSON document in localStorage, never sent anywhere.
 * Validation is hand-written (no zod) because every page that shows progress loads this module.
 * Reading never throws: what is malformed or unknown is dropped and counted, a foreign or newer document
 * is rejected whole, and the reader starts clean.
 * When the shape changes: bump `stateVersion`, migrate the older version in `parseReaderState`, and test it.
 */
import type { QuizAnswer, QuizAnswers } from './quiz-scoring';

export const stateStorageKey = 'back-together:state';
export const stateVersion = 1;

export type RelationshipSafe = 'yes' | 'no' | 'unsure';

export interface QuizResultSummary {
  score: number;
  /** Result band id. */
  band: string;
  /** ISO date-time. */
  at: string;
}

export interface StoredQuizResult extends QuizResultSummary {
  answers: QuizAnswers;
  flags: string[];
  /** The result before the latest retake ("last time"). */
  previous?: QuizResultSummary;
}

export interface StepState {
  done: boolean;
  at: string;
}

export interface ReaderState {
  v: typeof stateVersion;
  quizzes: Record<string, StoredQuizResult>;
  steps: Record<string, StepState>;
  /** YYYY-MM-DD, the reader's local calendar date. */
  breakupDate?: string;
  relationshipSafe?: RelationshipSafe;
  /** Private reflections by prompt id. */
  journal: Record<string, string>;
}

export const emptyState: ReaderState = Object.freeze<ReaderState>({ v: stateVersion, quizzes: {}, steps: {}, journal: {} });

export type RejectReason = 'not-json' | 'not-state' | 'newer-version';

export interface ParsedState {
  state: ReaderState;
  /** Entries dropped because they were malformed or unknown. */
  dropped: number;
  /** Set when the whole document was unusable (the state is then empty). */
  rejected?: RejectReason;
}

/** Caps that keep a hostile or damaged file from filling memory or storage. */
const limits = { entries: 100, journalChars: 20_000, answerChars: 100, choices: 20, flags: 10 };

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Slug-shaped keys only: this also keeps out `__proto__` and friends. */
const isSlug = (value: unknown): value is string => typeof value === 'string' && value.length <= 80 && slugPattern.test(value);
const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && isoDateTimePattern.test(value) && !Number.isNaN(Date.parse(value));

/** True for a real calendar date written YYYY-MM-DD (so 2025-02-30 is false). */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? isoDatePattern.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isAnswer(value: unknown): value is QuizAnswer {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= limits.answerChars;
  return Array.isArray(value) && value.length <= limits.choices && value.every((item) => typeof item === 'string' && item.length <= limits.answerChars);
}

function summaryFrom(value: unknown): QuizResultSummary | undefined {
  if (!isRecord(value)) return undefined;
  const { score, band, at } = value;
  return typeof score === 'number' && Number.isFinite(score) && isSlug(band) && isDateTime(at) ? { score, band, at } : undefined;
}

/** Counts what a reader drops, so one warning can say how much was lost. */
class DropCounter {
  count = 0;
  drop(): undefined {
    this.count += 1;
    return undefined;
  }
}

function quizResultFrom(value: unknown, counter: DropCounter): StoredQuizResult | undefined {
  const summary = summaryFrom(value);
  if (!summary || !isRecord(value) || !isRecord(value.answers) || !Array.isArray(value.flags)) return counter.drop();
  const answers: QuizAnswers = {};
  for (const [questionId, answer] of Object.entries(value.answers)) {
    if (isSlug(questionId) && isAnswer(answer)) answers[questionId] = answer;
    else counter.drop();
  }
  const flags = value.flags.filter(isSlug).slice(0, limits.flags);
  counter.count += value.flags.length - flags.length;
  const result: StoredQuizResult = { answers, score: summary.score, band: summary.band, flags, at: summary.at };
  if (value.previous !== undefined) {
    const previous = summaryFrom(value.previous);
    if (previous) result.previous = previous;
    else counter.drop();
  }
  return result;
}

function stepFrom(value: unknown, counter: DropCounter): StepState | undefined {
  return isRecord(value) && typeof value.done === 'boolean' && isDateTime(value.at) ? { done: value.done, at: value.at } : counter.drop();
}

function journalEntryFrom(value: unknown, counter: DropCounter): string | undefined {
  return typeof value === 'string' && value.length <= limits.journalChars ? value : counter.drop();
}

/** A record of slug-keyed entries, each read by `entryFrom`; anything else is dropped. */
function recordFrom<T>(value: unknown, entryFrom: (entry: unknown, counter: DropCounter) => T | undefined, counter: DropCounter): Record<string, T> {
  const record: Record<string, T> = {};
  if (value === undefined) return record;
  if (!isRecord(value)) return counter.drop() ?? record;
  for (const [key, entry] of Object.entries(value)) {
    const parsed = isSlug(key) && Object.keys(record).length < limits.entries ? entryFrom(entry, counter) : counter.drop();
    if (parsed !== undefined) record[key] = parsed;
  }
  return record;
}

const knownKeys = new Set(['v', 'quizzes', 'steps', 'breakupDate', 'relationshipSafe', 'journal']);

/** Validates an already-parsed document. */
export function parseReaderState(document: unknown): ParsedState {
  if (!isRecord(document) || typeof document.v !== 'number' || !Number.isInteger(document.v) || document.v < 1) {
    return { state: emptyState, dropped: 0, rejected: 'not-state' };
  }
  if (document.v > stateVersion) return { state: emptyState, dropped: 0, rejected: 'newer-version' };
  const counter = new DropCounter();
  const state: ReaderState = {
    v: stateVersion,
    quizzes: recordFrom(document.quizzes, quizResultFrom, counter),
    steps: recordFrom(document.steps, stepFrom, counter),
    journal: recordFrom(document.journal, journalEntryFrom, counter),
  };
  if (isCalendarDate(document.breakupDate)) state.breakupDate = document.breakupDate;
  else if (document.breakupDate !== undefined) counter.drop();
  const safe = document.relationshipSafe;
  if (safe === 'yes' || safe === 'no' || safe === 'unsure') state.relationshipSafe = safe;
  else if (safe !== undefined) counter.drop();
  Object.keys(document).forEach((key) => knownKeys.has(key) || counter.drop());
  return { state, dropped: counter.count };
}

/** Reads stored or imported text; `null` (nothing stored) is a clean start, not an error. */
export function decodeReaderState(text: string | null): ParsedState {
  if (text === null) return { state: emptyState, dropped: 0 };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { state: emptyState, dropped: 0, rejected: 'not-json' };
  }
  return parseReaderState(document);
}

/** True when there is nothing worth keeping (storage then holds no key at all). */
export function isEmptyState(state: ReaderState): boolean {
  return (
    Object.keys(state.quizzes).length === 0 &&
    Object.keys(state.steps).length === 0 &&
    Object.keys(state.journal).length === 0 &&
    state.breakupDate === undefined &&
    state.relationshipSafe === undefined
  );
}

/** Which steps are done, as the step navigation, the home page and the progress page show it. */
const stepSlugOf = (href: string) => /^\/steps\/([a-z0-9-]+)\/$/.exec(href)?.[1];

/** True when `href` is a step's page and the reader marked that step done. */
export function isStepDone(state: ReaderState, href: string): boolean {
  const slug = stepSlugOf(href);
  return slug !== undefined && state.steps[slug]?.done === true;
}

/** "3 of 9 steps done", counting the steps given by slug. */
export function stepsDoneText(state: ReaderState, stepSlugs: readonly string[]): string {
  const done = stepSlugs.filter((slug) => state.steps[slug]?.done).length;
  return `${done} of ${stepSlugs.length} steps done`;
}

export interface QuizResultInput {
  answers: QuizAnswers;
  score: number;
  band: string;
  flags: readonly string[];
}

/** Saves a quiz result; the one it replaces is kept as `previous` ("last time"). */
export function withQuizResult(state: ReaderState, quizId: string, input: QuizResultInput, at: Date): ReaderState {
  const before = state.quizzes[quizId];
  const result: StoredQuizResult = { answers: { ...input.answers }, score: input.score, band: input.band, flags: [...input.flags], at: at.toISOString() };
  if (before) result.previous = { score: before.score, band: before.band, at: before.at };
  return { ...state, quizzes: { ...state.quizzes, [quizId]: result } };
}

export function withStepDone(state: ReaderState, stepSlug: string, done: boolean, at: Date): ReaderState {
  return { ...state, steps: { ...state.steps, [stepSlug]: { done, at: at.toISOString() } } };
}

/** Sets or (with undefined) clears an optional top-level fact. */
function withFact<K extends 'breakupDate' | 'relationshipSafe'>(state: ReaderState, key: K, value: ReaderState[K]): ReaderState {
  const next = { ...state };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function withBreakupDate(state: ReaderState, breakupDate: string | undefined): ReaderState {
  return withFact(state, 'breakupDate', breakupDate !== undefined && isCalendarDate(breakupDate) ? breakupDate : undefined);
}

export function withRelationshipSafe(state: ReaderState, relationshipSafe: RelationshipSafe | undefined): ReaderState {
  return withFact(state, 'relationshipSafe', relationshipSafe);
}

/** Saves a reflection; an empty one is removed rather than kept as "". */
export function withJournalEntry(state: ReaderState, promptId: string, text: string): ReaderState {
  const journal = { ...state.journal };
  if (text.trim() === '') delete journal[promptId];
  else journal[promptId] = text.slice(0, limits.journalChars);
  return { ...state, journal };
}
