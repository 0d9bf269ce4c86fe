/** Helpers for the quiz and progress browser tests: shipped quiz data, answers that reach a band, and hydration waits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answerEffects, possibleAnswers, type QuizAnswer, type QuizAnswers } from '../../src/lib/quiz-scoring';
import { quizSchema, type Quiz } from '../../src/lib/schemas/quiz';
import type { Page } from './browser';
import { repoRoot } from './paths';

/** A shipped quiz, parsed like the build does. */
export function shippedQuiz(quizId: string): Quiz {
  return quizSchema.parse(parse(readFileSync(join(repoRoot, 'content/quizzes', `${quizId}.yaml`), 'utf8')));
}

const effectsOf = (quiz: Quiz, questionId: string, answer: QuizAnswer) =>
  answerEffects(quiz.questions.find((question) => question.id === questionId)!, answer) ?? [];
const scoreOf = (quiz: Quiz, questionId: string, answer: QuizAnswer) => effectsOf(quiz, questionId, answer).reduce((sum, effect) => sum + effect.score, 0);
const raisesFlags = (quiz: Quiz, questionId: string, answer: QuizAnswer) => effectsOf(quiz, questionId, answer).some((effect) => effect.flags.length > 0);

/** Answers (one per question) that land in the given band, found by search over the quiz's own data. */
export function answersForBand(quiz: Quiz, bandId: string): QuizAnswers {
  const band = quiz.bands.find((candidate) => candidate.id === bandId);
  if (!band) throw new Error(`no band ${bandId}`);
  const fixed: QuizAnswers = {};
  if (band.flag) {
    const question = quiz.questions.find((candidate) => possibleAnswers(candidate).some((answer) => effectsOf(quiz, candidate.id, answer).some((effect) => effect.flags.includes(band.flag!))))!;
    fixed[question.id] = possibleAnswers(question).find((answer) => effectsOf(quiz, question.id, answer).some((effect) => effect.flags.includes(band.flag!)))!;
  }
  // Reachable totals with flag-free answers for the other questions, each with one way to get there.
  let reachable = new Map<number, QuizAnswers>([[0, { ...fixed }]]);
  for (const question of quiz.questions) {
    if (question.id in fixed) continue;
    const next = new Map<number, QuizAnswers>();
    for (const [total, answers] of reachable) {
      for (const answer of possibleAnswers(question).filter((candidate) => !raisesFlags(quiz, question.id, candidate))) {
        const sum = total + scoreOf(quiz, question.id, answer);
        if (!next.has(sum)) next.set(sum, { ...answers, [question.id]: answer });
      }
    }
    reachable = next;
  }
  const match = [...reachable].find(([total]) => band.flag || (band.min! <= total && total <= band.max!));
  if (!match) throw new Error(`no answers reach band ${bandId}`);
  return match[1];
}

/** Id of the input for one choice, as the Quiz island renders it. */
export const choiceId = (quizId: string, questionId: string, value: string | number) => `#quiz-${quizId}-${questionId}-${value}`;

/** Ticks the given answers in a quiz on the page. */
export async function answerQuiz(page: Page, quizId: string, answers: QuizAnswers): Promise<void> {
  for (const [questionId, answer] of Object.entries(answers)) {
    for (const value of Array.isArray(answer) ? answer : [answer]) await page.check(choiceId(quizId, questionId, value));
  }
}

/**
 * Scrolls an island into view (client:visible) and waits until Astro has hydrated it (the `ssr` attribute goes).
 * `scroll: false` for client:idle islands, when a test must not move the page.
 */
export async function hydrated(page: Page, component: string, { scroll = true } = {}): Promise<void> {
  const island = page.locator(`astro-island[component-url*="/${component}."]`).first();
  if (scroll) await island.scrollIntoViewIfNeeded();
  await island.and(page.locator('astro-island:not([ssr])')).waitFor({ state: 'attached' });
}

/** Scrolls every island into view in turn and waits until all of them have hydrated. */
export async function hydrateAll(page: Page): Promise<void> {
  // One at a time: an island scrolled past before a frame is drawn would never be seen by its observer.
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
    await island.and(page.locator('astro-island:not([ssr])')).waitFor({ state: 'attached' });
  }
}

/** The saved reader state, parsed (null when nothing is saved). */
export function savedState(page: Page): Promise<Record<string, any> | null> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('back-together:state') ?? 'null'));
}
