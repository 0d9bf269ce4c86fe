/**
 * Which steps the reader marked done, as the step navigation, the home page and the progress page show it. Pure: the
 * page script src/browser/progress-marks.ts and the progress island draw what this returns.
 */
import type { ReaderState } from './reader-state';

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
