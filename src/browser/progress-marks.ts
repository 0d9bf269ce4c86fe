/**
 * Fills saved progress into server-rendered markup, a page script with no view of its own: the done mark on each link
 * to a step in the step navigation and the home page list (`[data-step-marks] a`, marked `data-done`; the stylesheet
 * draws the tick), and the "n of 9" count (`[data-progress-count]`). What to show comes from src/lib/reader-state.ts.
 * Follows changes from other tabs.
 */
import { isStepDone, stepsDoneText } from '../lib/reader-state';
import { readerState } from '../stores/progress';

readerState.subscribe((state) => {
  for (const link of document.querySelectorAll('[data-step-marks] a')) link.toggleAttribute('data-done', isStepDone(state, link.getAttribute('href')!));
  for (const count of document.querySelectorAll<HTMLElement>('[data-progress-count]')) {
    count.textContent = stepsDoneText(state, (count.dataset.progressCount ?? '').split(' ').filter(Boolean));
  }
});
