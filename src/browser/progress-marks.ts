/**
 * Fills saved progress into server-rendered markup, a page script with no view of its own: the done mark on each step
 * in the step navigation and the home page list (`[data-step-href] [data-step-done-mark]`), and the "n of 9" count
 * (`[data-progress-count]`). What to show comes from src/lib/reader-state.ts. Follows changes from other tabs.
 */
import { isStepDone, stepsDoneText } from '../lib/reader-state';
import { readerState } from '../stores/progress';

readerState.subscribe((state) => {
  for (const item of document.querySelectorAll<HTMLElement>('[data-step-href]')) {
    const mark = item.querySelector<HTMLElement>('[data-step-done-mark]');
    if (mark) mark.hidden = !isStepDone(state, item.dataset.stepHref ?? '');
  }
  for (const count of document.querySelectorAll<HTMLElement>('[data-progress-count]')) {
    count.textContent = stepsDoneText(state, (count.dataset.progressCount ?? '').split(' ').filter(Boolean));
  }
});
