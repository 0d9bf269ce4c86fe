/** The progress page: readiness, time apart, every step with its latest self-assessment, and the reader's data. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDays, formatIsoDate, formatMoment, oneMonthMark } from '../lib/breakup-dates';
import { readinessQuizId, recommendedNext, type LinkTarget, type StepSummary } from '../lib/next-step';
import { isCalendarDate, type RejectReason, type StoredQuizResult } from '../lib/reader-state';
import { clearState, exportState, importState, setBreakupDate } from '../stores/progress';
import { chooseTheme } from '../stores/theme';
import { forgetSiteStorage } from '../browser/site-storage';
import { forgetOfflineCopies } from '../browser/offline-copies';
import { useReaderState, useToday } from './progress/reader-hooks';

export interface BandSummary {
  id: string;
  title: string;
  next: LinkTarget;
}

export interface QuizSummary {
  title: string;
  href: string;
  /** Title of the page the quiz sits on. */
  page: string;
  bands: BandSummary[];
}

export interface DashboardStep extends StepSummary {
  quizId: string;
}

interface Props {
  steps: DashboardStep[];
  /** Readiness, each step's quiz and the way-out page's quiz, by quiz id. */
  quizzes: Record<string, QuizSummary>;
  /** The calendar reminder for the one-month mark (an Astro named slot, "reminder"). */
  reminder?: ComponentChildren;
}

/** Files bigger than this are not progress files. */
const maxImportBytes = 1_000_000;

const importProblems: Record<RejectReason | 'too-big', string> = {
  'not-json': "That file couldn't be read. Choose the .json file you exported from this page. Nothing was changed.",
  'not-state': "That file isn't a Back Together progress file. Nothing was changed.",
  'newer-version': 'That file was made by a newer version of this site. Reload the page and try again. Nothing was changed.',
  'too-big': "That file is too big to be a Back Together progress file. Nothing was changed.",
};

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
  const [message, setMessage] = useState<{ text: string; problem: boolean }>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [futureDate, setFutureDate] = useState(false);
  // False in the server-rendered HTML: a click there would be lost, so the buttons wait for the island.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const fileInput = useRef<HTMLInputElement>(null);

  const readinessQuiz = quizzes[readinessQuizId];
  const readiness = state.quizzes[readinessQuizId];
  const readinessBand = readinessQuiz?.bands.find((band) => band.id === readiness?.band);
  const bandOf = (quizId: string, bandId: string) => quizzes[quizId]?.bands.find((band) => band.id === bandId);
  const next = recommendedNext(state, steps, (quizId, bandId) => bandOf(quizId, bandId)?.next, today ?? '');
  const stepFour = steps.find((step) => step.step === 4);
  const mark = state.breakupDate && today ? oneMonthMark(state.breakupDate, today) : undefined;
  const doneCount = steps.filter((step) => state.steps[step.slug]?.done).length;

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportState()], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `back-together-progress-${today ?? 'export'}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
    setMessage({ text: 'Your progress was saved as a file. Keep it somewhere private.', problem: false });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const outcome = file.size > maxImportBytes ? ({ ok: false, reason: 'too-big' } as const) : importState(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!outcome.ok) setMessage({ text: importProblems[outcome.reason], problem: true });
    else setMessage({ text: `Your progress was imported.${outcome.dropped ? ` Some parts (${outcome.dropped}) couldn't be read and were skipped.` : ''}`, problem: false });
  };

  const deleteEverything = async () => {
    clearState();
    chooseTheme(undefined);
    forgetSiteStorage();
    setConfirmingDelete(false);
    const offlineGone = await forgetOfflineCopies().then(() => true, () => false);
    setMessage({
      text: offlineGone
        ? 'Everything this site saved in this browser has been deleted: your progress and answers, the keys to edit your comments, your theme choice, and the copy of the guide kept for reading offline.'
        : "Your progress and answers, the keys to edit your comments and your theme choice have been deleted. The copy of the guide kept for reading offline couldn't be deleted: your browser's setting to clear this site's data removes it.",
      problem: !offlineGone,
    });
  };

  return (
    // data-ready marks the first render that shows what this browser saved (the server renders a neutral state).
    <div class="progress" data-ready={hydrated ? '' : undefined}>
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
          {doneCount} of {steps.length} steps done
        </p>
      </section>

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

      <section class="progress-section" aria-labelledby="progress-data">
        <h2 id="progress-data">Your data</h2>
        <p>
          Everything here is saved only in this browser. You can keep a copy as a file, bring a copy back, or delete it all.
        </p>
        <div class="progress-actions">
          <button type="button" class="button" disabled={!hydrated} onClick={download}>
            Export as a file
          </button>
          <label class="button button-quiet progress-import">
            Import a file
            <input ref={fileInput} class="visually-hidden" type="file" accept=".json,application/json" onChange={(event) => importFile(event.currentTarget.files?.[0])} />
          </label>
          <button type="button" class="button button-quiet" disabled={!hydrated} aria-expanded={confirmingDelete} aria-controls="progress-confirm-delete" onClick={() => setConfirmingDelete(!confirmingDelete)}>
            Delete everything
          </button>
        </div>
        <p class="muted">Importing replaces what is saved in this browser now.</p>
        <div id="progress-confirm-delete" class="progress-confirm card" hidden={!confirmingDelete}>
          <p>This deletes all your answers, results, reflections and progress in this browser, the keys that let you edit your recent comments, your theme choice, and the copy of the guide saved for reading offline. It can't be undone.</p>
          <button type="button" class="button progress-danger" onClick={deleteEverything}>
            Yes, delete everything
          </button>{' '}
          <button type="button" class="button button-quiet" onClick={() => setConfirmingDelete(false)}>
            Cancel
          </button>
        </div>
        <p role="status" class={message?.problem ? 'progress-problem' : undefined}>
          {message?.text}
        </p>
      </section>
    </div>
  );
}
