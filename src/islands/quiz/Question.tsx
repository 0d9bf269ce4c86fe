/** One question of a self-assessment: its choices as radios or checkboxes, its hint, error and explanations. */
import type { QuizAnswer, QuizAnswers } from '../../lib/quiz-scoring';
import type { Quiz, QuizQuestion } from '../../lib/schemas/quiz';

const scaleLabels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** A problem with the form: `target` is the id of the input to focus from the error summary. */
export interface FieldError {
  target: string;
  message: string;
}

export interface Choice {
  value: string;
  label: string;
  answer: QuizAnswer;
}

/** The inputs of a question, as uniform choices. */
export function choicesOf(question: QuizQuestion): Choice[] {
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
export function answersInPage(quiz: Quiz, idPrefix: string): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const question of quiz.questions) {
    const chosen = choicesOf(question).filter((choice) => (document.getElementById(`${idPrefix}-${question.id}-${choice.value}`) as HTMLInputElement | null)?.checked);
    if (chosen.length === 0) continue;
    answers[question.id] = question.kind === 'multiple' ? chosen.map((choice) => choice.value) : chosen[0]!.answer;
  }
  return answers;
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

export function Question({ fieldId, question, answer, error, explanations, onAnswer }: QuestionProps) {
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

