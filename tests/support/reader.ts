/** Helpers for the quiz and progress browser tests: shipped quiz data, answers that reach a band, and hydration waits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answerCombinations } from '../../src/lib/quiz-consistency';
import { quizOutcome, type QuizAnswers } from '../../src/lib/quiz-scoring';
import { quizSchema, type Quiz } from '../../src/lib/schemas/quiz';
import type { Page } from './browser';
import { repoRoot } from './paths';

/** A shipped quiz, parsed like the build does. */
export function shippedQuiz(quizId: string): Quiz {
  return quizSchema.parse(parse(readFileSync(join(repoRoot, 'content/quizzes', `${quizId}.yaml`), 'utf8')));
}

/**
 * Answers (one per question) that land in the given band, found by trying every combination in order (the quizzes
 * are small). Flag-free answers are preferred, so a test can add one deciding answer on top of them.
 */
export function answersForBand(quiz: Quiz, bandId: string): QuizAnswers {
  let fallback: QuizAnswers | undefined;
  for (const answers of answerCombinations(quiz)) {
    const outcome = quizOutcome(quiz, answers)!;
    if (outcome.band.id !== bandId) continue;
    if (outcome.flags.length === 0 && outcome.requires.length === 0) return answers;
    fallback ??= answers;
  }
  if (!fallback) throw new Error(`no answers reach band ${bandId}`);
  return fallback;
}

/**
 * Selector of the input for one choice, as src/components/QuizQuestion.astro renders it: the radios of a question
 * share its name, each checkbox has a name of its own.
 */
export const choiceInput = (quizId: string, questionId: string, value: string | number) =>
  `:is(input[type="radio"][name="quiz-${quizId}-${questionId}"][value="${value}"], input[type="checkbox"][name="quiz-${quizId}-${questionId}-${value}"])`;

/** Ticks the given answers in a quiz on the page. */
export async function answerQuiz(page: Page, quizId: string, answers: QuizAnswers): Promise<void> {
  for (const [questionId, answer] of Object.entries(answers)) {
    for (const value of Array.isArray(answer) ? answer : [answer]) await page.check(choiceInput(quizId, questionId, value));
  }
}

/** Where a component lives on the page: a Preact island, or a page script's root (`data-wake`, see wakeOnVisible). */
const islandOf = (component: string) =>
  `astro-island[component-url*="/${component}."], [data-wake="${component[0]!.toLowerCase()}${component.slice(1)}"]`;
const awake = 'astro-island:not([ssr]), [data-wake]:not([data-asleep])';

/**
 * Scrolls an island into view (client:visible) and waits until it has hydrated (Astro drops the `ssr` attribute; a
 * page script started on visibility drops `data-asleep`). `scroll: false` for client:idle islands, when a test must
 * not move the page.
 */
export async function hydrated(page: Page, component: string, { scroll = true } = {}): Promise<void> {
  const island = page.locator(islandOf(component)).first();
  if (scroll) await island.scrollIntoViewIfNeeded();
  try {
    await island.and(page.locator(awake)).waitFor({ state: 'attached' });
  } catch (error) {
    throw new Error(`${component} did not hydrate: ${await hydrationState(page, islandOf(component))}`, { cause: error });
  }
}

/**
 * What the page knows about an island that did not hydrate, for the failure message: whether the island element is
 * defined, whether the island is on screen, and which of its scripts the browser fetched and how.
 */
async function hydrationState(page: Page, selector: string): Promise<string> {
  return page
    .evaluate((islandSelector) => {
      const island = document.querySelector<HTMLElement>(islandSelector);
      const box = (island?.localName === 'astro-island' ? (island.firstElementChild ?? island) : island)?.getBoundingClientRect();
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/_astro/'))
        .map((entry) => `${new URL(entry.name).pathname} ${(entry as PerformanceResourceTiming).responseStatus} ${Math.round(entry.duration)} ms`);
      return [
        `astro-island defined: ${customElements.get('astro-island') !== undefined}`,
        `island in viewport: ${box ? box.bottom > 0 && box.top < innerHeight : 'no island'}`,
        `visibility: ${document.visibilityState}`,
        `scripts: ${scripts.join('; ') || 'none'}`,
      ].join(', ');
    }, selector)
    .catch((error: unknown) => `page state unreadable (${String(error)})`);
}

/** Scrolls every island into view in turn and waits until all of them have hydrated. */
export async function hydrateAll(page: Page): Promise<void> {
  // One at a time: an island scrolled past before a frame is drawn would never be seen by its observer.
  for (const island of await page.locator('astro-island, [data-wake]').all()) {
    await island.scrollIntoViewIfNeeded();
    await island.and(page.locator(awake)).waitFor({ state: 'attached' });
  }
}

/** The saved reader state, parsed (null when nothing is saved). */
export function savedState(page: Page): Promise<Record<string, any> | null> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('back-together:state') ?? 'null'));
}
