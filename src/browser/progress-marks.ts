/**
 * Shows saved progress in server-rendered markup: the done mark on each step in the step navigation and the home
 * page list (`[data-step-href] [data-step-done-mark]`), and the "n of 9" count (`[data-progress-count]`).
 * Follows changes from other tabs.
 */
import { readerState } from '../stores/progress';

const stepSlugOf = (href: string | undefined) => /^\/steps\/([a-z0-9-]+)\/$/.exec(href ?? '')?.[1];

readerState.subscribe((state) => {
  const stepItems = document.querySelectorAll<HTMLElement>('[data-step-href]');
  for (const item of stepItems) {
    const slug = stepSlugOf(item.dataset.stepHref);
    const mark = item.querySelector<HTMLElement>('[data-step-done-mark]');
    if (mark) mark.hidden = !(slug && state.steps[slug]?.done);
  }
  for (const count of document.querySelectorAll<HTMLElement>('[data-progress-count]')) {
    const slugs = (count.dataset.progressCount ?? '').split(' ').filter(Boolean);
    const done = slugs.filter((slug) => state.steps[slug]?.done).length;
    count.textContent = `${done} of ${slugs.length} steps done`;
  }
});
