/** "Mark this step done": a checkbox saved on this device; the navigation and home page show the result. */
import { useEffect, useState } from 'preact/hooks';
import { formatMoment } from '../lib/breakup-dates';
import { setStepDone } from '../stores/progress';
import { useReaderState } from './progress/reader-hooks';

interface Props {
  stepSlug: string;
}

export default function StepDone({ stepSlug }: Props) {
  const saved = useReaderState().steps[stepSlug];
  // Off until the saved state shows (the render after hydration): before, the box shows "not done" whatever is saved,
  // and a click there would act on that.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const done = saved?.done === true;
  const id = `step-done-${stepSlug}`;
  return (
    <div class="step-done">
      <label class="step-done-label">
        <input type="checkbox" id={id} checked={done} disabled={!ready} onChange={(event) => setStepDone(stepSlug, event.currentTarget.checked)} />
        <span>Mark this step done</span>
      </label>
      <p class="muted step-done-status">
        {done && saved ? `Marked done on ${formatMoment(saved.at)}.` : 'Saved only on this device.'}
      </p>
    </div>
  );
}
