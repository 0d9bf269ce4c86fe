/**
 * A self-assessment on the page (src/components/QuizBlock.astro): reads the answers, shows what is missing, scores
 * them, saves the result on this device and shows it (quiz-result.ts). Shared by the step quizzes and the readiness
 * check (readiness-check.ts), which adds its date field through `QuizOptions`. The questions are server-rendered and
 * never rebuilt, so focus and typing are never disturbed; only the error summary, the errors and explanations beside
 * the questions, the announcement and the result area change.
 */
import { choicesOf, isChosen } from '../../lib/quiz-choices';
import type { QuizPageData } from '../../lib/quiz-page-data';
import { answerEffects, quizOutcome, unansweredQuestions, validAnswers, type QuizAnswer, type QuizAnswers, type QuizOutcome } from '../../lib/quiz-scoring';
import type { ReaderState, StoredQuizResult } from '../../lib/reader-state';
import type { QuizBand, QuizQuestion } from '../../lib/schemas/quiz';
import { readerState, saveQuizResult } from '../../stores/progress';
import { h, type Child } from '../dom';
import type { PreactParts } from '../wake-on-visible';
import { loadQuizData } from './load-quiz-data';
import { quizResult, type MountShare } from './quiz-result';

/** A problem with the form: `target` is the id of the input to focus from the error summary. */
export interface FieldError {
  target: string;
  message: string;
}

export interface QuizOptions {
  save: (outcome: QuizOutcome) => void;
  /** Problems with fields beyond the questions (the readiness date), checked on submit. */
  extraErrors?: () => FieldError[];
  /** Draws the extra fields on each render of the form: their values, and their errors after a failed submit. */
  renderExtras?: (showErrors: boolean) => void;
  /** Extra paragraphs inside the result, and what they depend on beyond the result (so it is redrawn when that changes). */
  resultNotes?: { notes: (band: QuizBand, result: StoredQuizResult, state: ReaderState) => Child; dependsOn: (state: ReaderState) => unknown };
  /** Loads the share control for "Share this result". */
  loadShare: () => Promise<MountShare>;
}

/** Focuses an element by id and brings its question into view (links in the error summary). */
function focusById(event: Event, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.closest('fieldset')?.scrollIntoView({ block: 'start' });
}

/** The input of one choice, in its question's fieldset (values are slugs or digits, src/lib/schemas/quiz.ts). */
const inputOf = (fieldset: Element, value: string) => fieldset.querySelector<HTMLInputElement>(`input[value="${value}"]`);

/** What a question's inputs say, or undefined when nothing is ticked. */
function answerInPage(question: QuizQuestion, fieldset: Element): QuizAnswer | undefined {
  const chosen = choicesOf(question).filter((choice) => inputOf(fieldset, choice.value)?.checked);
  if (chosen.length === 0) return undefined;
  return question.kind === 'multiple' ? chosen.map((choice) => choice.value) : chosen[0]!.answer;
}

/** Starts the quiz in `root`; `render` redraws it (the readiness check calls it when its date or the day changes). */
export function startQuizForm(root: HTMLElement, { quizId, quiz, crisisHelp }: QuizPageData, options: QuizOptions): { render: () => void } {
  const idPrefix = `quiz-${quizId}`;
  const form = root.querySelector<HTMLElement>('[role="form"]')!;
  const fieldsets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.quiz-question')];
  const submitButton = form.querySelector<HTMLButtonElement>('.quiz-submit')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const resultArea = root.querySelector<HTMLElement>('.quiz-result-area')!;
  // The server-rendered "Your result will appear here", shown again whenever there is no result.
  const placeholder = resultArea.querySelector('.quiz-result-placeholder')!;
  const errorSummary = h('div', { class: 'quiz-error-summary', role: 'alert', tabindex: -1, 'aria-labelledby': `${idPrefix}-errors` });
  const fieldIdOf = (question: QuizQuestion) => `${idPrefix}-${question.id}`;

  // null until the reader touches the form: the form then shows the saved answers (also when another tab saves).
  // Answers ticked before the script started are kept.
  const early: QuizAnswers = {};
  quiz.questions.forEach((question, index) => {
    const answer = answerInPage(question, fieldsets[index]!);
    if (answer !== undefined) early[question.id] = answer;
  });
  let draft: QuizAnswers | null = Object.keys(early).length > 0 ? early : null;
  let attempted = false;
  let revealed = false;
  let focusResultWhenSaved = false;
  let shownResult: string | undefined;

  const stored = () => readerState.get().quizzes[quizId];
  const answers = (): QuizAnswers => {
    const saved = stored();
    return draft ?? (saved ? validAnswers(quiz, saved.answers) : {});
  };

  function renderForm(): void {
    const current = answers();
    const missing = attempted ? unansweredQuestions(quiz, current) : [];
    const errors: FieldError[] = [
      ...missing.map((questionId) => {
        const index = quiz.questions.findIndex((candidate) => candidate.id === questionId);
        const question = quiz.questions[index]!;
        // The summary links to the question's first choice, which gets an id only now: the page carries no id it
        // never uses.
        const first = fieldsets[index]!.querySelector('input')!;
        first.id ||= `${fieldIdOf(question)}-${choicesOf(question)[0]!.value}`;
        return { target: first.id, message: `Answer: ${question.prompt}` };
      }),
      ...(attempted ? (options.extraErrors?.() ?? []) : []),
    ];
    if (errors.length > 0) {
      errorSummary.replaceChildren(
        h('h3', { id: `${idPrefix}-errors` }, missing.length > 0 ? 'Please answer all the questions' : 'Please check your answers'),
        h('ul', {}, errors.map((error) => h('li', {}, h('a', { href: `#${error.target}`, onClick: (event: Event) => focusById(event, error.target) }, error.message)))),
      );
      if (!errorSummary.isConnected) form.prepend(errorSummary);
    } else errorSummary.remove();

    quiz.questions.forEach((question, index) => {
      const fieldset = fieldsets[index]!;
      const fieldId = fieldIdOf(question);
      const answer = current[question.id];
      for (const choice of choicesOf(question)) {
        const input = inputOf(fieldset, choice.value);
        if (input) input.checked = isChosen(answer, choice);
      }
      const error = missing.includes(question.id) ? (question.kind === 'multiple' ? 'Choose at least one answer.' : 'Choose an answer.') : undefined;
      fieldset.classList.toggle('has-error', error !== undefined);
      const describedBy = [question.hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(' ');
      if (describedBy) fieldset.setAttribute('aria-describedby', describedBy);
      else fieldset.removeAttribute('aria-describedby');
      fieldset.querySelector('.quiz-error')?.remove();
      if (error) fieldset.querySelector('.quiz-choices')!.before(h('p', { id: `${fieldId}-error`, class: 'quiz-error' }, error));
      for (const old of fieldset.querySelectorAll('.quiz-explanation')) old.remove();
      const explanations = revealed ? (answerEffects(question, answer) ?? []).flatMap((effect) => effect.explanation ?? []) : [];
      fieldset.append(...explanations.map((text) => h('p', { class: 'quiz-explanation' }, text)));
    });
    options.renderExtras?.(attempted);
  }

  function renderResult(): void {
    const state = readerState.get();
    const saved = state.quizzes[quizId];
    // The saved answers decide the band shown, so a result saved before the quiz changed cannot contradict them.
    const outcome = saved && quizOutcome(quiz, saved.answers);
    const band = outcome?.band ?? (saved && quiz.bands.find((candidate) => candidate.id === saved.band));
    // Redrawn only when what it shows changed, so focus inside it (or an open share control) stays put.
    const key = JSON.stringify([saved, band?.id, options.resultNotes?.dependsOn(state)]);
    if (key !== shownResult) {
      shownResult = key;
      resultArea.replaceChildren(
        saved && band
          ? quizResult({
              quizId,
              quiz,
              stored: saved,
              band,
              outcome,
              notes: options.resultNotes?.notes(band, saved, state),
              crisisHelp,
              onStartAgain: startAgain,
              loadShare: options.loadShare,
            })
          : placeholder,
      );
    }
    // Focus follows the reader's action: the new result once it is saved.
    if (saved && focusResultWhenSaved) {
      focusResultWhenSaved = false;
      document.getElementById(`${idPrefix}-result`)?.focus();
    }
  }

  function submit(): void {
    const outcome = quizOutcome(quiz, answers());
    if (!outcome || (options.extraErrors?.() ?? []).length > 0) {
      attempted = true;
      status.textContent = '';
      renderForm();
      errorSummary.focus();
      return;
    }
    focusResultWhenSaved = true;
    draft = outcome.answers;
    attempted = false;
    revealed = true;
    status.textContent = `Your result: ${outcome.band.title}. Saved on this device.`;
    renderForm();
    options.save(outcome);
  }

  function startAgain(): void {
    draft = {};
    revealed = false;
    attempted = false;
    status.textContent = '';
    renderForm();
    form.querySelector('input')?.focus();
  }

  quiz.questions.forEach((question, index) => {
    fieldsets[index]!.addEventListener('change', () => {
      const answer = answerInPage(question, fieldsets[index]!);
      const next = { ...answers() };
      if (answer === undefined) delete next[question.id];
      else next[question.id] = answer;
      draft = next;
      renderForm();
    });
  });
  submitButton.addEventListener('click', submit);
  submitButton.disabled = false;
  const render = () => {
    renderForm();
    renderResult();
  };
  readerState.subscribe(render);
  return { render };
}

/** Starts a step's self-assessment (any quiz but the readiness check): its result is saved under the quiz's id. */
export async function start(root: HTMLElement, { loadShare }: PreactParts, response?: Promise<Response>): Promise<void> {
  const data = await loadQuizData(root, response);
  startQuizForm(root, data, { loadShare, save: (outcome) => saveQuizResult(data.quizId, { ...outcome, band: outcome.band.id }) });
}
