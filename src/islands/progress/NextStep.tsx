/** "Your next step" on the progress page: what the reader's saved answers suggest, and how many steps are done. */
import { formatIsoDate } from '../../lib/breakup-dates';
import { recommendedNext, type StepSummary } from '../../lib/next-step';
import { stepsDoneText, type ReaderState } from '../../lib/reader-state';
import type { QuizSummary } from './summaries';

interface Props {
  state: ReaderState;
  steps: StepSummary[];
  quizzes: Record<string, QuizSummary>;
  /** Today's local date once mounted. */
  today: string | undefined;
}

export function NextStep({ state, steps, quizzes, today }: Props) {
  const bandOf = (quizId: string, bandId: string) => quizzes[quizId]?.bands.find((band) => band.id === bandId);
  const next = recommendedNext(state, steps, (quizId, bandId) => bandOf(quizId, bandId)?.next, today ?? '');
  return (
    <section class="progress-section card" aria-labelledby="progress-next">
      <h2 id="progress-next">Your next step</h2>
      {next.kind === 'crisis' && (
        <p data-next-hold="crisis">
          You answered on this device that you've had thoughts of harming yourself. Please reach out for help today; you don't
          have to carry this alone. <a href={next.link.href}>{next.link.label}</a>
        </p>
      )}
      {next.kind === 'safety' && (
        <p data-next-hold="safety">
          You answered on this device that you didn't always feel safe with your ex. This guide isn't for getting back together
          with them, and you deserve support. <a href={next.link.href}>{next.link.label}</a>
        </p>
      )}
      {next.kind === 'held' && (
        <p data-next-hold="not-ready">
          Your last check-in, “{quizzes[next.result.quizId]?.title}”, said “{bandOf(next.result.quizId, next.result.band)?.title}”. First:{' '}
          <a href={next.link.href}>{next.link.label}</a>
        </p>
      )}
      {next.kind === 'readiness' && (
        <p>
          Start with a few honest questions: <a href={next.link.href}>{next.link.label}</a>
        </p>
      )}
      {next.kind === 'readiness-band' && (
        <p>
          Your readiness result suggests this first: <a href={next.link.href}>{next.link.label}</a>
        </p>
      )}
      {next.kind === 'step' && (
        <p>
          <a href={next.link.href}>{next.link.label}</a>
          {next.waitUntil && ` — step 3 asks for at least a month apart, so not before ${formatIsoDate(next.waitUntil)}, and longer if you need it.`}
        </p>
      )}
      {next.kind === 'finished' && <p>You've marked all the steps done. Take good care of what you've built.</p>}
      <p class="muted" data-steps-done>
        {stepsDoneText(state, steps.map((step) => step.slug))}
      </p>
    </section>
  );
}
