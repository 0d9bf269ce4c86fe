/**
 * The promise a quiz makes: its result never contradicts an answer. For one combination of answers, the band the
 * scoring picks must respect every rule the answers carry (blocks, requires, flags), a safety answer must reach the
 * safety result, and every claim the band makes about a question must hold for the answer given. Pure; the quiz
 * tests run it over every answer combination of every quiz.
 */
import { answerEffects, isSafetyBand, possibleAnswers, quizOutcome, safetyFlags, type QuizAnswer, type QuizAnswers } from './quiz-scoring';
import type { Quiz } from './schemas/quiz';

/** One combination of answers whose result breaks the promise. */
export interface Contradiction {
  answers: QuizAnswers;
  band: string;
  problems: string[];
}

const show = (answer: QuizAnswer) => (Array.isArray(answer) ? `[${answer.join(', ')}]` : String(answer));

/** The answers as `question=answer` pairs, in question order. */
export function describeAnswers(quiz: Quiz, answers: QuizAnswers): string {
  return quiz.questions.map((question) => `${question.id}=${show(answers[question.id] ?? '—')}`).join(', ');
}

/** What is wrong with the result of one complete set of answers (empty when the result keeps the promise). */
export function contradictionsOf(quiz: Quiz, answers: QuizAnswers): string[] {
  const outcome = quizOutcome(quiz, answers);
  if (!outcome) return [`not every question is answered (${describeAnswers(quiz, answers)})`];
  const { band } = outcome;
  const bandIndex = quiz.bands.indexOf(band);
  // Bands the answers lead to whatever the score: required ones and those of a raised flag. Band order is priority.
  const decided = quiz.bands.filter((candidate) => outcome.requires.includes(candidate.id) || (candidate.flag && outcome.flags.includes(candidate.flag)));
  const problems: string[] = [];
  if (decided.length > 0 && !decided.includes(band)) problems.push(`the answers lead to ${decided.map((candidate) => `"${candidate.id}"`).join(' or ')}, whatever the score`);
  for (const question of quiz.questions) {
    const answer = answers[question.id]!;
    for (const effect of answerEffects(question, answer) ?? []) {
      const said = `${question.id}=${show(answer)}`;
      if (effect.blocks.includes(band.id)) problems.push(`${said} blocks "${band.id}"`);
      const required = quiz.bands.findIndex((candidate) => candidate.id === effect.requires);
      if (required >= 0 && bandIndex > required) problems.push(`${said} requires "${effect.requires}"`);
      const unsafe = effect.flags.filter((flag) => safetyFlags.includes(flag));
      if (unsafe.length > 0 && !isSafetyBand(band)) problems.push(`${said} is a safety answer (${unsafe.join(', ')}) but does not reach the safety result`);
    }
  }
  for (const [questionId, compatible] of Object.entries(band.claims)) {
    const answer = answers[questionId];
    const given = Array.isArray(answer) ? answer : [answer];
    const clashing = given.filter((value) => value === undefined || !compatible.includes(value));
    if (clashing.length > 0) problems.push(`"${band.id}" claims ${questionId} ∈ {${compatible.join(', ')}}, but the answer was ${show(answer ?? '—')}`);
  }
  return problems;
}

/** How many complete answer combinations a quiz has. */
export function combinationCount(quiz: Quiz): number {
  return quiz.questions.reduce((count, question) => count * possibleAnswers(question).length, 1);
}

/** Every complete combination of answers, one at a time. */
export function* answerCombinations(quiz: Quiz): Generator<QuizAnswers> {
  const choices = quiz.questions.map((question) => possibleAnswers(question));
  const pick = choices.map(() => 0);
  while (true) {
    yield Object.fromEntries(quiz.questions.map((question, index) => [question.id, choices[index]![pick[index]!]!]));
    let position = pick.length - 1;
    while (position >= 0 && pick[position] === choices[position]!.length - 1) pick[position--] = 0;
    if (position < 0) return;
    pick[position]! += 1;
  }
}

/** The contradictions among the given answer combinations, at most `limit` of them. */
export function findContradictions(quiz: Quiz, combinations: Iterable<QuizAnswers>, limit = 20): Contradiction[] {
  const found: Contradiction[] = [];
  for (const answers of combinations) {
    const problems = contradictionsOf(quiz, answers);
    if (problems.length > 0) found.push({ answers, band: quizOutcome(quiz, answers)?.band.id ?? '—', problems });
    if (found.length >= limit) break;
  }
  return found;
}

/** A contradiction as one line that names the quiz, the answers, the band and what it contradicts. */
export function describeContradiction(quizName: string, quiz: Quiz, contradiction: Contradiction): string {
  return `${quizName}: answers ${describeAnswers(quiz, contradiction.answers)} reach "${contradiction.band}", but ${contradiction.problems.join('; ')}`;
}

/**
 * The quiz as the page hands it to its island: the bands' claims are for this check (at build and test time) only, so
 * they are left out of the page.
 */
export function quizForBrowser(quiz: Quiz): Quiz {
  return { ...quiz, bands: quiz.bands.map((band) => ({ ...band, claims: {} })) };
}
