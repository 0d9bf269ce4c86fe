/** The form and result of a self-assessment, shared by the Quiz and ReadinessCheck islands. */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CrisisHelp as CrisisHelpText } from '../../lib/crisis-help';
import { answerEffects, quizOutcome, unansweredQuestions, validAnswers, type QuizAnswers, type QuizOutcome } from '../../lib/quiz-scoring';
import type { StoredQuizResult } from '../../lib/reader-state';
import type { Quiz, QuizBand } from '../../lib/schemas/quiz';
import { useReaderState } from '../progress/reader-hooks';
import { Question, answersInPage, choicesOf } from './Question';
import { QuizResult } from './QuizResult';

/** A problem with the form: `target` is the id of the input to focus from the error summary. */
export interface FieldError {
  target: string;
  message: string;
}

/** Focuses an element by id and brings it into view (links in the error summary). */
export function focusById(event: Event, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.closest('fieldset')?.scrollIntoView({ block: 'start' });
}

export interface QuizViewProps {
  quizId: string;
  quiz: Quiz;
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

export function QuizView({ quizId, quiz, onSave, extraFields, extraErrors = [], resultNotes, crisisHelp }: QuizViewProps) {
  const idPrefix = `quiz-${quizId}`;
  // The saved result: undefined on the server and before hydration.
  const stored = useReaderState().quizzes[quizId];
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
          <QuizResult quizId={quizId} quiz={quiz} stored={stored} band={band} outcome={storedOutcome} headingRef={resultHeading}
            notes={resultNotes?.(band, stored)} crisisHelp={crisisHelp} onStartAgain={startAgain} />
        ) : (
          <p class="quiz-result-placeholder muted">Your result will appear here. Your answers are saved only on this device.</p>
        )}
      </div>
    </div>
  );
}
