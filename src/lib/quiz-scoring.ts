/** Scoring a self-assessment: answers → score, flags and result band. Pure; shared by islands and tests. */
import type { Quiz, QuizBand, QuizFlag, QuizQuestion } from './schemas/quiz';

/** single: option id · multiple: option ids · yesno: 'yes' | 'no' · scale: 1–5. */
export type QuizAnswer = string | string[] | number;
export type QuizAnswers = Record<string, QuizAnswer>;

/** What one chosen answer contributes. */
export interface AnswerEffect {
  score: number;
  flags: readonly QuizFlag[];
  explanation?: string | undefined;
  relationshipSafe?: 'yes' | 'no' | 'unsure' | undefined;
}

export interface QuizOutcome {
  answers: QuizAnswers;
  score: number;
  flags: QuizFlag[];
  band: QuizBand;
}

/** Points of the agreement scale, 1 to 5. */
export const scalePoints = [1, 2, 3, 4, 5] as const;

/** The effects of an answer to a question, or undefined when the answer is missing or does not fit the question. */
export function answerEffects(question: QuizQuestion, answer: QuizAnswer | undefined): AnswerEffect[] | undefined {
  switch (question.kind) {
    case 'single': {
      const option = question.options.find((candidate) => candidate.id === answer);
      return option && [option];
    }
    case 'multiple': {
      if (!Array.isArray(answer) || answer.length === 0 || new Set(answer).size !== answer.length) return undefined;
      const options = answer.map((id) => question.options.find((candidate) => candidate.id === id));
      return options.every((option) => option !== undefined) ? options : undefined;
    }
    case 'yesno':
      return answer === 'yes' || answer === 'no' ? [question[answer]] : undefined;
    case 'scale': {
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > 5) return undefined;
      return [{ score: question.scores[answer - 1] ?? 0, flags: [], explanation: question.explanation }];
    }
  }
}

/** Ids of the questions still without a valid answer, in question order. */
export function unansweredQuestions(quiz: Quiz, answers: QuizAnswers): string[] {
  return quiz.questions.filter((question) => !answerEffects(question, answers[question.id])).map((question) => question.id);
}

/** Only the answers that fit the current questions (a stored result may predate an edit of the quiz). */
export function validAnswers(quiz: Quiz, answers: QuizAnswers): QuizAnswers {
  const kept: QuizAnswers = {};
  for (const question of quiz.questions) {
    const answer = answers[question.id];
    if (answer !== undefined && answerEffects(question, answer)) kept[question.id] = answer;
  }
  return kept;
}

/** Sum of scores and the set of flags raised by the answered questions. */
export function scoreAnswers(quiz: Quiz, answers: QuizAnswers): { score: number; flags: QuizFlag[] } {
  let score = 0;
  const flags = new Set<QuizFlag>();
  for (const question of quiz.questions) {
    for (const effect of answerEffects(question, answers[question.id]) ?? []) {
      score += effect.score;
      effect.flags.forEach((flag) => flags.add(flag));
    }
  }
  return { score, flags: [...flags] };
}

/**
 * The band for a score and flags: the first flag band whose flag was raised, else the score band containing the
 * score. A gap in the bands (caught by the unit tests) falls back to the nearest score band, never to nothing.
 */
export function bandFor(quiz: Quiz, score: number, flags: readonly QuizFlag[]): QuizBand {
  const flagged = quiz.bands.find((band) => band.flag && flags.includes(band.flag));
  if (flagged) return flagged;
  const distance = (band: QuizBand) =>
    band.min === undefined || band.max === undefined ? Infinity : Math.max(band.min - score, score - band.max, 0);
  return quiz.bands.reduce((best, band) => (distance(band) < distance(best) ? band : best));
}

/** The full outcome of a completed quiz; undefined while any question is unanswered. */
export function quizOutcome(quiz: Quiz, answers: QuizAnswers): QuizOutcome | undefined {
  if (unansweredQuestions(quiz, answers).length > 0) return undefined;
  const kept = validAnswers(quiz, answers);
  const { score, flags } = scoreAnswers(quiz, kept);
  return { answers: kept, score, flags, band: bandFor(quiz, score, flags) };
}

/** Every answer a question accepts (multiple choice: each non-empty subset). */
export function possibleAnswers(question: QuizQuestion): QuizAnswer[] {
  switch (question.kind) {
    case 'single':
      return question.options.map((option) => option.id);
    case 'multiple': {
      const ids = question.options.map((option) => option.id);
      const subsets: string[][] = [];
      for (let mask = 1; mask < 1 << ids.length; mask += 1) subsets.push(ids.filter((_, index) => mask & (1 << index)));
      return subsets;
    }
    case 'yesno':
      return ['yes', 'no'];
    case 'scale':
      return [...scalePoints];
  }
}

/** Every total score a reader can reach, ascending (sums over all answer combinations). */
export function achievableScores(quiz: Quiz): number[] {
  let totals = new Set([0]);
  for (const question of quiz.questions) {
    const scores = new Set(possibleAnswers(question).map((answer) => (answerEffects(question, answer) ?? []).reduce((sum, effect) => sum + effect.score, 0)));
    totals = new Set([...totals].flatMap((total) => [...scores].map((score) => total + score)));
  }
  return [...totals].sort((a, b) => a - b);
}

/** What the readiness answers say about safety: any raised safety flag means "no"; otherwise what the answer declares. */
export function relationshipSafeFrom(quiz: Quiz, answers: QuizAnswers): AnswerEffect['relationshipSafe'] {
  const effects = quiz.questions.flatMap((question) => answerEffects(question, answers[question.id]) ?? []);
  if (effects.some((effect) => effect.flags.includes('safety'))) return 'no';
  return effects.find((effect) => effect.relationshipSafe)?.relationshipSafe;
}
