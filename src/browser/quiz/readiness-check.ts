/** The readiness check on "Before you start": the readiness quiz plus the breakup date, with a safety-first result. */
import { formatDays, formatIsoDate, localIsoDate, msUntilNextLocalDay, oneMonthMark } from '../../lib/breakup-dates';
import { findSupportPath } from '../../lib/next-step';
import { relationshipSafeFrom } from '../../lib/quiz-scoring';
import { isCalendarDate, type ReaderState, type StoredQuizResult } from '../../lib/reader-state';
import type { QuizBand } from '../../lib/schemas/quiz';
import { readerState } from '../../stores/progress';
import { saveReadiness } from '../../stores/reader-data';
import { h, type Child } from '../dom';
import type { PreactParts } from '../wake-on-visible';
import { loadQuizData } from './load-quiz-data';
import { startQuizForm, type FieldError } from './quiz-form';

const whenNotToGoBack = () => h('a', { href: '/articles/when-not-to-go-back/' }, 'When not to go back');

/** What the result adds: help first after a safety answer; otherwise the "missing them" warning and the month count. */
function resultNotes(band: QuizBand, result: StoredQuizResult, state: ReaderState): Child {
  if (band.flag === 'safety' || result.flags.includes('safety')) {
    return h(
      'div',
      { class: 'quiz-safety' },
      h(
        'p',
        {},
        "This guide isn't for getting back together with someone you felt afraid of. You deserve to be safe, and you can still use this site to look after yourself. If you're in danger right now, contact your local emergency services.",
      ),
      h('p', {}, band.next.href !== findSupportPath && [h('a', { href: findSupportPath }, 'How to find support where you live'), ' · '], whenNotToGoBack()),
    );
  }
  const today = localIsoDate(new Date());
  const mark = state.breakupDate ? oneMonthMark(state.breakupDate, today) : undefined;
  return [
    state.relationshipSafe === 'unsure' &&
      h('p', {}, 'If you ever felt afraid of your ex, please read ', h('a', { href: '/articles/when-not-to-go-back/' }, 'when not to go back'), ' before going further.'),
    h(
      'p',
      { class: 'quiz-missing-note' },
      "One honest warning: missing someone is easy to mistake for being ready. That pull is mostly grief and habit, and it doesn't tell you whether trying again is a good idea. ",
      h('a', { href: '/articles/missing-them-or-lonely/' }, 'Missing them, or just lonely?'),
    ),
    mark &&
      h(
        'p',
        { 'data-month-count': true },
        `It's been ${formatDays(mark.daysSince)} since you broke up. `,
        mark.reached
          ? "You've had at least the month apart that step 3 asks for. Take longer if you need it."
          : `Step 3 asks for at least a month apart: not before ${formatIsoDate(mark.markDate)}, and longer if you need it.`,
      ),
  ];
}

/** Starts the readiness check on its server-rendered root. */
export async function start(root: HTMLElement, { loadShare }: PreactParts, response?: Promise<Response>): Promise<void> {
  const data = await loadQuizData(root, response);
  const dateId = `quiz-${data.quizId}-breakup-date`;
  const dateInput = document.getElementById(dateId) as HTMLInputElement;
  const dateField = dateInput.parentElement!;
  const dateHint = `${dateId}-hint`;
  // A date typed while the script was loading wins; otherwise the saved one, until the reader types.
  let dateDraft: string | null = dateInput.value || null;
  const today = () => localIsoDate(new Date());
  const breakupDate = () => dateDraft ?? readerState.get().breakupDate ?? '';
  const dateError = (): string | undefined => {
    const date = breakupDate();
    if (!date) return 'Enter roughly when you broke up.';
    if (!isCalendarDate(date)) return 'Enter a real date, for example 14 March 2026.';
    return date > today() ? "The date can't be in the future." : undefined;
  };

  const form = startQuizForm(root, data, {
    loadShare,
    extraErrors: (): FieldError[] => {
      const error = dateError();
      return error ? [{ target: dateId, message: `When did you break up? ${error}` }] : [];
    },
    renderExtras: (showErrors) => {
      const error = showErrors ? dateError() : undefined;
      dateField.classList.toggle('has-error', error !== undefined);
      dateField.querySelector('.quiz-error')?.remove();
      if (error) dateInput.before(h('p', { id: `${dateId}-error`, class: 'quiz-error' }, error));
      dateInput.setAttribute('aria-describedby', error ? `${dateHint} ${dateId}-error` : dateHint);
      dateInput.max = today();
      if (dateInput.value !== breakupDate()) dateInput.value = breakupDate();
    },
    resultNotes: {
      notes: resultNotes,
      dependsOn: (state) => [state.breakupDate, state.relationshipSafe, today()],
    },
    save: (outcome) =>
      saveReadiness({ ...outcome, band: outcome.band.id }, { breakupDate: breakupDate(), relationshipSafe: relationshipSafeFrom(data.quiz, outcome.answers) }),
  });
  dateInput.addEventListener('input', () => {
    dateDraft = dateInput.value;
    form.render();
  });
  // The month count and the latest date allowed move on at each local midnight, without a reload.
  const atMidnight = () => {
    form.render();
    setTimeout(atMidnight, msUntilNextLocalDay(new Date()));
  };
  setTimeout(atMidnight, msUntilNextLocalDay(new Date()));
}
