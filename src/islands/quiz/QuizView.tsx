/** The form and result of a self-assessment, shared by the Quiz and ReadinessCheck islands. */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatMoment } from '../../lib/breakup-dates';
import type { CrisisHelp as CrisisHelpText } from '../../lib/crisis-help';
import { quizResultPath } from '../../lib/guide';
import { answerEffects, isSafetyBand, quizOutcome, unansweredQuestions, validAnswers, type QuizAnswer, type QuizAnswers, type QuizOutcome } from '../../lib/quiz-scoring';
import type { StoredQuizResult } from '../../lib/reader-state';
import type { Quiz, QuizBand, QuizQuestion } from '../../lib/schemas/quiz';

const scaleLabels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** A problem with the form: `target` is the id of the input to focus from the error summary. */
export interface FieldError {
  target: string;
  message: string;
}

interface Choice {
  value: string;
  label: string;
  answer: QuizAnswer;
}

/** The inputs of a question, as uniform choices. */
function choicesOf(question: QuizQuestion): Choice[] {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.options.map((option) => ({ value: option.id, label: option.label, answer: option.id }));
    case 'yesno':
      return [
        { value: 'yes', label: 'Yes', answer: 'yes' },
        { value: 'no', label: 'No', answer: 'no' },
      ];
    case 'scale':
      return scaleLabels.map((label, index) => ({ value: String(index + 1), label, answer: index + 1 }));
  }
}

const isChosen = (answer: QuizAnswer | undefined, choice: Choice) =>
  Array.isArray(answer) ? answer.includes(choice.value) : answer === choice.answer;

/**
 * The answers ticked in the page before the island hydrated (the server-rendered inputs work on their own, and the
 * first render would otherwise untick them). Empty when nothing was ticked.
 */
function answersInPage(quiz: Quiz, idPrefix: string): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const question of quiz.questions) {
    const chosen = choicesOf(question).filter((choice) => (document.getElementById(`${idPrefix}-${question.id}-${choice.value}`) as HTMLInputElement | null)?.checked);
    if (chosen.length === 0) continue;
    answers[question.id] = question.kind === 'multiple' ? chosen.map((choice) => choice.value) : chosen[0]!.answer;
  }
  return answers;
}

/** Focuses an element by id and brings it into view (links in the error summary). */
export function focusById(event: Event, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.closest('fieldset')?.scrollIntoView({ block: 'start' });
}

interface QuestionProps {
  fieldId: string;
  question: QuizQuestion;
  answer: QuizAnswer | undefined;
  error: string | undefined;
  /** Explanations for the chosen answer, once the reader has seen their result. */
  explanations: string[];
  onAnswer: (answer: QuizAnswer) => void;
}

function Question({ fieldId, question, answer, error, explanations, onAnswer }: QuestionProps) {
  const multiple = question.kind === 'multiple';
  const hintId = question.hint && `${fieldId}-hint`;
  const errorId = error && `${fieldId}-error`;
  const toggle = (value: string) => {
    const chosen = Array.isArray(answer) ? answer : [];
    onAnswer(chosen.includes(value) ? chosen.filter((id) => id !== value) : [...chosen, value]);
  };
  return (
    <fieldset class={`quiz-question${error ? ' has-error' : ''}`} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend>{question.prompt}</legend>
      {hintId && <p id={hintId} class="quiz-hint">{question.hint}</p>}
      {errorId && <p id={errorId} class="quiz-error">{error}</p>}
      <div class="quiz-choices">
        {choicesOf(question).map((choice) => (
          <label class="quiz-choice" key={choice.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={`${fieldId}-${choice.value}`}
              // Radios of one question share a name; each checkbox has its own (names must not repeat otherwise).
              name={multiple ? `${fieldId}-${choice.value}` : fieldId}
              value={choice.value}
              checked={isChosen(answer, choice)}
              onChange={() => (multiple ? toggle(choice.value) : onAnswer(choice.answer))}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {explanations.map((text) => (
        <p class="quiz-explanation">{text}</p>
      ))}
    </fieldset>
  );
}

type ShareModule = typeof import('../share/Share');

/**
 * "Share this result": the share controls for the band's public page, whose code loads when the reader asks.
 * The link carries the result, never the answers.
 */
function ShareResult({ url }: { url: string }) {
  const [share, setShare] = useState<ShareModule>();
  const [failed, setFailed] = useState(false);
  if (share) {
    // The share text names the page the quiz is on (its heading), never the reader's result or answers.
    const pageTitle = document.querySelector('main h1')?.textContent?.trim() ?? '';
    return <share.LiveShare url={url} title={pageTitle} label="Share this result (the link shows the result, never your answers)" />;
  }
  return (
    <p>
      <button
        type="button"
        class="button button-quiet"
        onClick={() => {
          setFailed(false);
          import('../share/Share').then((loaded) => setShare(() => loaded), () => setFailed(true));
        }}
      >
        Share this result
      </button>{' '}
      <a href={url}>See the page you would share</a>
      {failed && <span role="status"> The share options could not be loaded; you can copy the link of that page instead.</span>}
    </p>
  );
}

/** How to find help today, inside a crisis result. */
function CrisisHelp({ id, help }: { id: string; help: CrisisHelpText }) {
  return (
    <section class="quiz-safety quiz-crisis" aria-labelledby={id}>
      <h4 id={id}>{help.heading}</h4>
      <ul>
        {help.steps.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

export interface QuizViewProps {
  quizId: string;
  quiz: Quiz;
  /** The saved result (undefined on the server and before hydration). */
  stored: StoredQuizResult | undefined;
  onSave: (outcome: QuizOutcome) => void;
  /** Extra fields after the questions (the readiness check's breakup date); `showErrors` after a failed submit. */
  extraFields?: (showErrors: boolean) => ComponentChildren;
  /** Problems with the extra fields, checked on submit. */
  extraErrors?: FieldError[];
  /** Extra paragraphs inside the result (readiness: safety help, time since the breakup). */
  resultNotes?: (band: QuizBand, result: StoredQuizResult) => ComponentChildren;
  /** For a quiz with a crisis result: how to find help today (passed as data, so other quizzes' code stays small). */
  crisisHelp?: CrisisHelpText | undefined;
}

export function QuizView({ quizId, quiz, stored, onSave, extraFields, extraErrors = [], resultNotes, crisisHelp }: QuizViewProps) {
  const idPrefix = `quiz-${quizId}`;
  // null until the reader touches the form: the form then shows the saved answers (also when another tab saves).
  const [draft, setDraft] = useState<QuizAnswers | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [failedSubmits, setFailedSubmits] = useState(0);
  // False in the server-rendered HTML: there the button does nothing, and there is no form that could be sent.
  const [hydrated, setHydrated] = useState(false);
  const focusResultWhenSaved = useRef(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorSummary = useRef<HTMLDivElement>(null);

  // Before the first client render can untick them, keep the answers the reader gave while the island was loading.
  useLayoutEffect(() => {
    setHydrated(true);
    const early = answersInPage(quiz, idPrefix);
    if (Object.keys(early).length > 0) setDraft(early);
  }, []);

  const answers = draft ?? (stored ? validAnswers(quiz, stored.answers) : {});
  // The saved answers decide the band shown, so a result saved before the quiz changed cannot contradict them.
  const storedOutcome = stored && quizOutcome(quiz, stored.answers);
  const band = storedOutcome?.band ?? (stored && quiz.bands.find((candidate) => candidate.id === stored.band));
  const safetyResult = band !== undefined && isSafetyBand(band);
  const previousBand = stored?.previous && quiz.bands.find((candidate) => candidate.id === stored.previous?.band);
  const missing = attempted ? unansweredQuestions(quiz, answers) : [];
  const errors: FieldError[] = [
    ...missing.map((questionId) => {
      const question = quiz.questions.find((candidate) => candidate.id === questionId)!;
      return { target: `${idPrefix}-${questionId}-${choicesOf(question)[0]!.value}`, message: `Answer: ${question.prompt}` };
    }),
    ...(attempted ? extraErrors : []),
  ];

  // Focus follows the reader's action: the new result once it is saved, or the error summary.
  useEffect(() => {
    if (stored && focusResultWhenSaved.current) {
      focusResultWhenSaved.current = false;
      resultHeading.current?.focus();
    }
  }, [stored]);
  useEffect(() => {
    if (failedSubmits > 0) errorSummary.current?.focus();
  }, [failedSubmits]);

  const submit = () => {
    const outcome = quizOutcome(quiz, answers);
    if (!outcome || extraErrors.length > 0) {
      setAttempted(true);
      setAnnouncement('');
      setFailedSubmits((count) => count + 1);
      return;
    }
    focusResultWhenSaved.current = true;
    setDraft(outcome.answers);
    setAttempted(false);
    setRevealed(true);
    setAnnouncement(`Your result: ${outcome.band.title}. Saved on this device.`);
    onSave(outcome);
  };

  const startAgain = () => {
    setDraft({});
    setRevealed(false);
    setAttempted(false);
    setAnnouncement('');
    document.getElementById(`${idPrefix}-form`)?.querySelector('input')?.focus();
  };

  return (
    <div class="quiz">
      <h2 id={`${idPrefix}-title`}>{quiz.title}</h2>
      <p>{quiz.intro}</p>
      {/* Not a <form>: answers must never be submitted by the browser (into the address, history or server logs),
          not even with JavaScript off or before the island has hydrated. The button works once it has. */}
      <div role="form" id={`${idPrefix}-form`} aria-labelledby={`${idPrefix}-title`}>
        {errors.length > 0 && (
          <div class="quiz-error-summary" role="alert" tabIndex={-1} ref={errorSummary} aria-labelledby={`${idPrefix}-errors`}>
            <h3 id={`${idPrefix}-errors`}>{missing.length > 0 ? 'Please answer all the questions' : 'Please check your answers'}</h3>
            <ul>
              {errors.map((error) => (
                <li key={error.target}>
                  <a href={`#${error.target}`} onClick={(event) => focusById(event, error.target)}>
                    {error.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {quiz.questions.map((question) => {
          const answer = answers[question.id];
          const explanations = revealed ? (answerEffects(question, answer) ?? []).flatMap((effect) => effect.explanation ?? []) : [];
          return (
            <Question
              key={question.id}
              fieldId={`${idPrefix}-${question.id}`}
              question={question}
              answer={answer}
              error={missing.includes(question.id) ? (question.kind === 'multiple' ? 'Choose at least one answer.' : 'Choose an answer.') : undefined}
              explanations={explanations}
              onAnswer={(value) => setDraft({ ...answers, [question.id]: value })}
            />
          );
        })}
        {extraFields?.(attempted)}
        <button type="button" class="button quiz-submit" disabled={!hydrated} onClick={submit}>
          See my result
        </button>
      </div>
      <p role="status" class="visually-hidden">
        {announcement}
      </p>
      <div class="quiz-result-area">
        {stored && band ? (
          <section class="quiz-result card" aria-labelledby={`${idPrefix}-result`}>
            <p class="quiz-result-eyebrow">Your result</p>
            <h3 id={`${idPrefix}-result`} tabIndex={-1} ref={resultHeading}>
              {band.title}
            </h3>
            {storedOutcome && storedOutcome.holdBacks.length > 0 && (
              <>
                <p class="quiz-holdbacks-intro">From what you answered:</p>
                <ul class="quiz-holdbacks">
                  {storedOutcome.holdBacks.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </>
            )}
            <p>{band.guidance}</p>
            {band.flag === 'crisis' && crisisHelp && <CrisisHelp id={`${idPrefix}-crisis`} help={crisisHelp} />}
            {resultNotes?.(band, stored)}
            <p>
              <strong>What next:</strong> <a href={band.next.href}>{band.next.label}</a>
            </p>
            {stored.previous && previousBand && (
              <p class="quiz-last-time">
                Last time ({formatMoment(stored.previous.at)}): {previousBand.title}
              </p>
            )}
            <p class="muted">Saved only on this device, {formatMoment(stored.at)}.</p>
            {!safetyResult && <ShareResult url={quizResultPath(quizId, band.id)} />}
            <button type="button" class="button button-quiet" onClick={startAgain}>
              Take it again
            </button>
          </section>
        ) : (
          <p class="quiz-result-placeholder muted">Your result will appear here. Your answers are saved only on this device.</p>
        )}
      </div>
    </div>
  );
}
