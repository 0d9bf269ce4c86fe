/** The readiness check on "Before you start": the readiness quiz plus the breakup date, with a safety-first result. */
import { useLayoutEffect, useState } from 'preact/hooks';
import { formatDays, formatIsoDate, oneMonthMark } from '../lib/breakup-dates';
import { findSupportPath } from '../lib/next-step';
import { relationshipSafeFrom } from '../lib/quiz-scoring';
import { isCalendarDate, type StoredQuizResult } from '../lib/reader-state';
import type { Quiz, QuizBand } from '../lib/schemas/quiz';
import { saveReadiness } from '../stores/progress';
import { QuizView, type FieldError } from './quiz/QuizView';
import { useReaderState, useToday } from './progress/reader-hooks';

interface Props {
  quizId: string;
  quiz: Quiz;
}

export default function ReadinessCheck({ quizId, quiz }: Props) {
  const state = useReaderState();
  const today = useToday();
  const [dateDraft, setDateDraft] = useState<string | null>(null);
  const breakupDate = dateDraft ?? state.breakupDate ?? '';
  const dateId = `quiz-${quizId}-breakup-date`;
  // Keep a date typed while the island was loading: the first client render would otherwise clear the field.
  useLayoutEffect(() => {
    const typed = (document.getElementById(dateId) as HTMLInputElement | null)?.value;
    if (typed) setDateDraft(typed);
  }, []);
  const dateError = !breakupDate
    ? 'Enter roughly when you broke up.'
    : !isCalendarDate(breakupDate)
      ? 'Enter a real date, for example 14 March 2026.'
      : today && breakupDate > today
        ? "The date can't be in the future."
        : undefined;
  const extraErrors: FieldError[] = dateError ? [{ target: dateId, message: `When did you break up? ${dateError}` }] : [];

  const dateField = (showErrors: boolean) => {
    const error = showErrors ? dateError : undefined;
    return (
      <div class={`quiz-question${error ? ' has-error' : ''}`}>
        <label class="quiz-label" for={dateId}>
          When did you break up?
        </label>
        <p id={`${dateId}-hint`} class="quiz-hint">
          A rough date is fine. Step 3 counts a month apart from it.
        </p>
        {error && (
          <p id={`${dateId}-error`} class="quiz-error">
            {error}
          </p>
        )}
        <input
          type="date"
          id={dateId}
          value={breakupDate}
          max={today}
          aria-describedby={`${dateId}-hint${error ? ` ${dateId}-error` : ''}`}
          onInput={(event) => setDateDraft(event.currentTarget.value)}
        />
      </div>
    );
  };

  const resultNotes = (band: QuizBand, result: StoredQuizResult) => {
    if (band.flag === 'safety' || result.flags.includes('safety')) {
      return (
        <div class="quiz-safety">
          <p>
            This guide isn't for getting back together with someone you felt afraid of. You deserve to be safe, and you can
            still use this site to look after yourself. If you're in danger right now, contact your local emergency services.
          </p>
          <p>
            {band.next.href !== findSupportPath && (
              <>
                <a href={findSupportPath}>How to find support where you live</a> ·{' '}
              </>
            )}
            <a href="/articles/when-not-to-go-back/">When not to go back</a>
          </p>
        </div>
      );
    }
    const mark = state.breakupDate && today ? oneMonthMark(state.breakupDate, today) : undefined;
    return (
      <>
        {state.relationshipSafe === 'unsure' && (
          <p>
            If you ever felt afraid of your ex, please read <a href="/articles/when-not-to-go-back/">when not to go back</a> before
            going further.
          </p>
        )}
        <p class="quiz-missing-note">
          One honest warning: missing someone is easy to mistake for being ready. That pull is mostly grief and habit, and it
          doesn't tell you whether trying again is a good idea. <a href="/articles/missing-them-or-lonely/">Missing them, or just lonely?</a>
        </p>
        {mark && (
          <p data-month-count>
            It's been {formatDays(mark.daysSince)} since you broke up.{' '}
            {mark.reached
              ? "You've had at least the month apart that step 3 asks for. Take longer if you need it."
              : `Step 3 asks for at least a month apart: not before ${formatIsoDate(mark.markDate)}, and longer if you need it.`}
          </p>
        )}
      </>
    );
  };

  return (
    <QuizView
      quizId={quizId}
      quiz={quiz}
      extraFields={dateField}
      extraErrors={extraErrors}
      resultNotes={resultNotes}
      onSave={(outcome) =>
        saveReadiness({ ...outcome, band: outcome.band.id }, { breakupDate, relationshipSafe: relationshipSafeFrom(quiz, outcome.answers) })
      }
    />
  );
}
