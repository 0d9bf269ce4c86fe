/**
 * "Mark this step done" (src/components/StepTools.astro): a checkbox saved on this device; the navigation and home
 * page show the result (progress-marks.ts). A page script over server-rendered markup, `[data-step-done]` holding the
 * step's slug: the box stays off until it shows what is saved. Follows changes from other tabs.
 */
import { formatMoment } from '../lib/moments';
import { readerState, setStepDone } from '../stores/progress';

for (const control of document.querySelectorAll<HTMLElement>('[data-step-done]')) {
  const stepSlug = control.dataset['stepDone'] ?? '';
  const box = control.querySelector<HTMLInputElement>('input[type="checkbox"]');
  const status = control.querySelector<HTMLElement>('.step-done-status');
  if (!stepSlug || !box) continue;
  readerState.subscribe((state) => {
    const saved = state.steps[stepSlug];
    box.checked = saved?.done === true;
    if (status) status.textContent = saved?.done === true ? `Marked done on ${formatMoment(saved.at)}.` : 'Saved only on this device.';
  });
  box.addEventListener('change', () => setStepDone(stepSlug, box.checked));
  box.disabled = false;
}
