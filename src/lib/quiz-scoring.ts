/** Scoring a self-assessment: answers → score, flags and result band. Pure; shared by islands and tests. */
import type { Quiz, QuizBand, QuizFlag, QuizQuestion } from './schemas/quiz';

/** single: option id · multiple: option ids · yesno: 'yes' | 'no' · scale: 1–5. */
export type QuizAnswer = string | string[] | number;
export type QuizAnswers = Record<string, QuizAnswer>;

/** What one chosen answer contributes. */
export interface AnswerEffect {
  score: number;
  flags: readonly QuizFlag[];
  /** Bands this answer rules out. */
  blocks: readonly string[];
  /** The band this answer leads to, whatever the score. */
  requires?: string | undefined;
  /** What the answer says and what to do about it, shown in the result. */
  holdBack?: string | undefined;
  explanation?: string | undefined;
  relationshipSafe?: 'yes' | 'no' | 'unsure' | undefined;
}

/** What the answers decide between them. */
export interface AnswerTally {
  score: number;
  flags: QuizFlag[];
  blocks: string[];
  requires: string[];
}

export interface QuizOutcome extends AnswerTally {
  answers: QuizAnswers;
  band: QuizBand;
  /** The holdBack texts of the chosen answers, in question order. */
  holdBacks: string[];
}

/** Flags whose answers must always reach a safety result: fear or violence, and thoughts of self-harm. */
export const safetyFlags: readonly QuizFlag[] = ['crisis', 'safety'];

/** A safety result (abuse or crisis): help comes first, and it is never offered for sharing. */
export const isSafetyBand = (band: QuizBand): boolean => band.flag !== undefined && safetyFlags.includes(band.flag);

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
      const score = question.scores[answer - 1] ?? 0;
      const low = question.low && answer <= question.low.upTo ? question.low : undefined;
      return [{ flags: [], blocks: [], ...low, score, explanation: question.explanation }];
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

/** The effects of every answered question, in question order. */
function chosenEffects(quiz: Quiz, answers: QuizAnswers): AnswerEffect[] {
  return quiz.questions.flatMap((question) => answerEffects(question, answers[question.id]) ?? []);
}

/** Sum of scores, and the flags raised and bands blocked or required by the answered questions. */
export function scoreAnswers(quiz: Quiz, answers: QuizAnswers): AnswerTally {
  const effects = chosenEffects(quiz, answers);
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    score: effects.reduce((sum, effect) => sum + effect.score, 0),
    flags: unique(effects.flatMap((effect) => effect.flags)),
    blocks: unique(effects.flatMap((effect) => effect.blocks)),
    requires: unique(effects.flatMap((effect) => effect.requires ?? [])),
  };
}

/**
 * The band the answers decide. First, in band order, a band an answer requires or whose flag was raised: safety wins
 * over any score or block. Otherwise the score band containing the score; when an answer blocks it, the nearest open
 * band below (a blocking answer never lifts a result), or above when none is below. A gap in the bands (caught by the
 * schema) falls back the same way, never to nothing.
 */
export function bandFor(quiz: Quiz, score: number, flags: readonly QuizFlag[], { blocks = [], requires = [] }: Partial<AnswerTally> = {}): QuizBand {
  const decided = quiz.bands.find((band) => requires.includes(band.id) || (band.flag && flags.includes(band.flag)));
  if (decided) return decided;
  const scoreBands = quiz.bands.filter((band): band is QuizBand & { min: number; max: number } => !band.flag && band.min !== undefined && band.max !== undefined);
  const open = scoreBands.filter((band) => !blocks.includes(band.id));
  const pool = open.length > 0 ? open : scoreBands;
  const atOrBelow = pool.filter((band) => band.min <= score).sort((a, b) => b.min - a.min);
  const above = pool.filter((band) => band.min > score).sort((a, b) => a.min - b.min);
  return atOrBelow[0] ?? above[0] ?? quiz.bands[0]!;
}

/** The full outcome of a completed quiz; undefined while any question is unanswered. */
export function quizOutcome(quiz: Quiz, answers: QuizAnswers): QuizOutcome | undefined {
  if (unansweredQuestions(quiz, answers).length > 0) return undefined;
  const kept = validAnswers(quiz, answers);
  const tally = scoreAnswers(quiz, kept);
  const holdBacks = [...new Set(chosenEffects(quiz, kept).flatMap((effect) => effect.holdBack ?? []))];
  return { answers: kept, ...tally, holdBacks, band: bandFor(quiz, tally.score, tally.flags, tally) };
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
  const effects = chosenEffects(quiz, answers);
  if (effects.some((effect) => effect.flags.includes('safety'))) return 'no';
  return effects.find((effect) => effect.relationshipSafe)?.relationshipSafe;
}
