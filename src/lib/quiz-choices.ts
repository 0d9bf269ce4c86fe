/** The inputs of a quiz question as uniform choices: what the page renders and what the quiz script reads back. */
import type { QuizAnswer } from './quiz-scoring';
import type { QuizQuestion } from './schemas/quiz';

const scaleLabels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

export interface Choice {
  /** The input's value, and the end of its id. */
  value: string;
  label: string;
  /** What choosing it answers. */
  answer: QuizAnswer;
}

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

/** Whether a choice is part of an answer. */
export const isChosen = (answer: QuizAnswer | undefined, choice: Choice): boolean =>
  Array.isArray(answer) ? answer.includes(choice.value) : answer === choice.answer;
