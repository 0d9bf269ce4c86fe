/** The progress page: readiness, time apart, every step with its latest self-assessment, and the reader's data. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatDays, formatIsoDate, oneMonthMark } from '../lib/breakup-dates';
import { formatMoment } from '../lib/moments';
import { readinessQuizId } from '../lib/next-step';
import { isCalendarDate, type StoredQuizResult } from '../lib/reader-state';
import { setBreakupDate } from '../stores/reader-data';
import { NextStep } from './progress/NextStep';
import { useReaderState, useToday } from './progress/reader-hooks';
import type { DashboardStep, QuizSummary } from './progress/summaries';
import { YourData } from './progress/YourData';

interface Props {
  steps: DashboardStep[];
  /** Readiness, each step's quiz and the way-out page's quiz, by quiz id. */
  quizzes: Record<string, QuizSummary>;
  /** The calendar reminder for the one-month mark (an Astro named slot, "reminder"). */
  reminder?: ComponentChildren;
}

function QuizResultLine({ quiz, result }: { quiz: QuizSummary | undefined; result: StoredQuizResult | undefined }) {
  const bandTitle = (id: string | undefined) => quiz?.bands.find((band) => band.id === id)?.title;
  if (!quiz || !result || !bandTitle(result.band)) return <span class="muted">Not taken yet</span>;
  return (
    <span>
      {bandTitle(result.band)} <span class="muted">({formatMoment(result.at)})</span>
      {result.previous && bandTitle(result.previous.band) && (
        <span class="muted">
          {' '}
          · Last time: {bandTitle(result.previous.band)} ({formatMoment(result.previous.at)})
        </span>
      )}
    </span>
  );
}

export default function ProgressDashboard({ steps, quizzes, reminder }: Props) {
  const state = useReaderState();
  const today = useToday();
  const [futureDate, setFutureDate] = useState(false);
  // False in the server-rendered HTML: a click there would be lost, so the buttons wait for the island.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const readinessQuiz = quizzes[readinessQuizId];
  const readiness = state.quizzes[readinessQuizId];
  const readinessBand = readinessQuiz?.bands.find((band) => band.id === readiness?.band);
  const stepFour = steps.find((step) => step.step === 4);
  const mark = state.breakupDate && today ? oneMonthMark(state.breakupDate, today) : undefined;

  return (
    // data-ready marks the first render that shows what this browser saved (the server renders a neutral state).
    <div class="progress" data-ready={hydrated ? '' : undefined}>
      <NextStep state={state} steps={steps} quizzes={quizzes} today={today} />

      <section class="progress-section" aria-labelledby="progress-readiness">
        <h2 id="progress-readiness">Readiness check</h2>
        <p data-readiness-result>
          <QuizResultLine quiz={readinessQuiz} result={readiness} />
        </p>
        {readinessBand && (
          <p>
            Suggested next: <a href={readinessBand.next.href}>{readinessBand.next.label}</a>
          </p>
        )}
        <p>
          <a href="/before-you-start/">{readiness ? 'Take the readiness check again' : 'Take the readiness check'}</a>
        </p>
      </section>

      <section class="progress-section" aria-labelledby="progress-time">
        <h2 id="progress-time">Time apart</h2>
        <div class={`quiz-question${futureDate ? ' has-error' : ''}`}>
          <label class="quiz-label" for="progress-breakup-date">
            When did you break up?
          </label>
          {futureDate && (
            <p id="progress-breakup-date-error" class="quiz-error">
              The date can't be in the future.
            </p>
          )}
          <input
            type="date"
            id="progress-breakup-date"
            value={state.breakupDate ?? ''}
            max={today}
            aria-describedby={futureDate ? 'progress-breakup-date-error' : undefined}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const inFuture = !!today && value > today;
              setFutureDate(inFuture);
              if (value === '') setBreakupDate(undefined);
              else if (isCalendarDate(value) && !inFuture) setBreakupDate(value);
            }}
          />
        </div>
        <p class="progress-month" data-month-count>
          {mark
            ? `It's been ${formatDays(mark.daysSince)} since you broke up. ${
                mark.reached
                  ? "That's at least the month apart step 3 asks for. When you feel ready, read"
                  : `Step 3 asks for at least a month apart, so not before ${formatIsoDate(mark.markDate)}. When you feel ready after that, read`
              } `
            : 'Add the date to see how long it has been. Step 3 asks for at least a month apart.'}
          {mark && (stepFour ? <a href={stepFour.href}>step 4</a> : 'step 4')}
          {mark && '.'}
        </p>
        {/* The .ics calendar reminder for the one-month mark goes here (slot "reminder" on progress.astro). */}
        <div id="month-reminder">{reminder}</div>
      </section>

      <section class="progress-section" aria-labelledby="progress-steps">
        <h2 id="progress-steps">The steps</h2>
        <ol class="progress-steps">
          {steps.map((step) => {
            const saved = state.steps[step.slug];
            return (
              <li key={step.slug} data-progress-step={step.slug}>
                <a href={step.href}>
                  Step {step.step}: {step.title}
                </a>
                <span class="progress-state">
                  {saved?.done ? `Done (${formatMoment(saved.at)})` : 'Not done yet'}
                </span>
                <span class="progress-quiz">
                  Self-assessment: <QuizResultLine quiz={quizzes[step.quizId]} result={state.quizzes[step.quizId]} />
                </span>
              </li>
            );
          })}
        </ol>
        {Object.entries(quizzes)
          .filter(([quizId]) => quizId !== readinessQuizId && !steps.some((step) => step.quizId === quizId))
          .map(([quizId, quiz]) => (
            <p key={quizId} data-progress-quiz={quizId}>
              <a href={quiz.href}>{quiz.page}</a>, self-assessment: <QuizResultLine quiz={quiz} result={state.quizzes[quizId]} />
            </p>
          ))}
      </section>

      <YourData hydrated={hydrated} today={today} />
    </div>
  );
}
