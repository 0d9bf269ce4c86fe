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
}

export interface LinkTarget {
  href: string;
  label: string;
}

export type NextStep =
  /** The relationship was not safe: the guide points to help, never back to the ex. */
  | { kind: 'safety'; link: LinkTarget }
  | { kind: 'readiness'; link: LinkTarget }
  /** The readiness result recommends something other than a step (wait, read, or move on). */
  | { kind: 'readiness-band'; link: LinkTarget }
  /** `waitUntil` is set while step 3's month apart is still running. */
  | { kind: 'step'; link: LinkTarget; step: StepSummary; waitUntil?: string }
  | { kind: 'finished' };

/**
 * The recommended next page: help first when the relationship was unsafe; then the readiness check; then what the
 * readiness result recommends (until the reader has started the steps anyway); then the first step not yet done.
 */
export function recommendedNext(
  state: ReaderState,
  steps: readonly StepSummary[],
  readinessNext: LinkTarget | undefined,
  today: string,
): NextStep {
  const readiness = state.quizzes[readinessQuizId];
  if (state.relationshipSafe === 'no' || readiness?.flags.includes('safety')) {
    return { kind: 'safety', link: { href: findSupportPath, label: 'Find support where you live' } };
  }
  if (!readiness) return { kind: 'readiness', link: { href: '/before-you-start/', label: 'Take the readiness check' } };
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
