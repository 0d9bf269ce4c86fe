/** Which page the progress page recommends next. Pure: the caller passes the state, the steps and today's date. */
import { oneMonthMark } from './breakup-dates';
import type { ReaderState } from './reader-state';

/** The neutral "find local support" section: how to look up help where the reader lives. */
export const findSupportPath = '/about/#find-local-support';
export const readinessQuizId = 'readiness';
/** The step whose rule is "at least a month apart". */
export const timeApartStep = 'take-time';

export interface StepSummary {
  slug: string;
  step: number;
  title: string;
  href: string;
  /** The step's quiz, when its id is not the step's slug. */
  quizId?: string;
}

export interface LinkTarget {
  href: string;
  label: string;
}

/** Where a quiz result points (its band's `next`), by quiz and band id. */
export type ResultLinks = (quizId: string, bandId: string) => LinkTarget | undefined;

/** What a saved result says about going on: help first, or not for now. */
export type ResultHold = 'crisis' | 'safety' | 'not-ready';

/** A latest quiz result that holds the reader back, whatever else is done. */
export interface HeldResult {
  quizId: string;
  band: string;
  hold: ResultHold;
}

const holdsOf: Record<ResultHold, readonly string[]> = { crisis: ['crisis'], safety: ['safety'], 'not-ready': ['not-ready', 'too-soon'] };

/**
 * Latest results of any quiz that hold the reader back, the most serious first (crisis, then safety, then not
 * ready), and within each in quiz order (`quizOrder` first, then any other quiz).
 */
export function heldResults(state: ReaderState, quizOrder: readonly string[]): HeldResult[] {
  const order = [...quizOrder, ...Object.keys(state.quizzes).filter((quizId) => !quizOrder.includes(quizId)).sort()];
  return (Object.keys(holdsOf) as ResultHold[]).flatMap((hold) =>
    order.flatMap((quizId) => {
      const result = state.quizzes[quizId];
      return result && result.flags.some((flag) => holdsOf[hold].includes(flag)) ? [{ quizId, band: result.band, hold }] : [];
    }),
  );
}

export type NextStep =
  /** An answer spoke of self-harm: help today comes before anything else. */
  | { kind: 'crisis'; link: LinkTarget }
  /** The relationship was not safe: the guide points to help, never back to the ex. */
  | { kind: 'safety'; link: LinkTarget }
  /** A step's latest result says "not for now": follow what that result recommends. */
  | { kind: 'held'; link: LinkTarget; result: HeldResult }
  | { kind: 'readiness'; link: LinkTarget }
  /** The readiness result recommends something other than a step (wait, read, or move on). */
  | { kind: 'readiness-band'; link: LinkTarget }
  /** `waitUntil` is set while step 3's month apart is still running. */
  | { kind: 'step'; link: LinkTarget; step: StepSummary; waitUntil?: string }
  | { kind: 'finished' };

/**
 * The recommended next page: help first after a crisis answer or when the relationship was unsafe (in any quiz);
 * then what a "not for now" step result recommends; then the readiness check; then what the readiness result
 * recommends (until the reader has started the steps anyway); then the first step not yet done.
 */
export function recommendedNext(state: ReaderState, steps: readonly StepSummary[], resultLinks: ResultLinks, today: string): NextStep {
  const [first] = heldResults(state, [readinessQuizId, ...steps.map((step) => step.quizId ?? step.slug)]);
  const supportLink = { href: findSupportPath, label: 'Find support where you live' };
  if (first?.hold === 'crisis') return { kind: 'crisis', link: resultLinks(first.quizId, first.band) ?? supportLink };
  if (state.relationshipSafe === 'no' || first?.hold === 'safety') return { kind: 'safety', link: supportLink };
  const heldLink = first && resultLinks(first.quizId, first.band);
  if (first && heldLink) return { kind: 'held', link: heldLink, result: first };
  const readiness = state.quizzes[readinessQuizId];
  if (!readiness) return { kind: 'readiness', link: { href: '/before-you-start/', label: 'Take the readiness check' } };
  const readinessNext = resultLinks(readinessQuizId, readiness.band);
  const started = steps.some((step) => state.steps[step.slug]?.done);
  if (!started && readinessNext && !readinessNext.href.startsWith('/steps/')) return { kind: 'readiness-band', link: readinessNext };
  const step = steps.find((candidate) => !state.steps[candidate.slug]?.done);
  if (!step) return { kind: 'finished' };
  const next: NextStep = { kind: 'step', link: { href: step.href, label: `Step ${step.step}: ${step.title}` }, step };
  if (step.slug === timeApartStep && state.breakupDate) {
    const mark = oneMonthMark(state.breakupDate, today);
    if (!mark.reached) next.waitUntil = mark.markDate;
  }
  return next;
}
