import { describe, expect, it } from 'vitest';
import { quizResultPath } from '../../src/lib/guide';
import { axeViolations, describeViolations, hasChromium, watchPage, type Page } from '../support/browser';
import { answerQuiz, answersForBand, hydrated, savedState, shippedQuiz } from '../support/reader';
import { siteInChromium } from '../support/suite';

const quiz = shippedQuiz('readiness');
const safetyBand = quiz.bands.find((band) => band.flag === 'safety')!;
const submit = '#quiz-readiness-form .quiz-submit';
const dateInput = '#quiz-readiness-breakup-date';
const missingThemWarning = 'missing someone is easy to mistake for being ready';

describe.skipIf(!hasChromium)('the readiness check on "Before you start"', () => {
  const site = siteInChromium();

  /** A fresh site.browser profile whose clock reads `now` (UTC), on the readiness check, hydrated. */
  async function openCheck(now = '2026-03-10T12:00:00Z'): Promise<{ page: Page; errors: string[] }> {
    const context = await site.browser.newContext({ timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(now));
    const { errors } = watchPage(page);
    await page.goto(`${site.server.url}/before-you-start/`);
    await hydrated(page, 'ReadinessCheck');
    return { page, errors };
  }

  it('has a result for ready, not yet, moving on, and the safety path', () => {
    expect(quiz.bands.map((band) => band.id).sort()).toEqual(['move-on', 'not-for-you', 'not-yet', 'ready']);
    expect(safetyBand.id).toBe('not-for-you');
  });

  it.each(quiz.bands.filter((band) => !band.flag).map((band) => band.id))('takes the reader to the "%s" result, with the missing-them warning', async (bandId) => {
    const band = quiz.bands.find((candidate) => candidate.id === bandId)!;
    const { page, errors } = await openCheck();
    await answerQuiz(page, 'readiness', answersForBand(quiz, bandId));
    await page.fill(dateInput, '2026-03-01');
    await page.click(submit);

    const heading = page.locator('#quiz-readiness-result');
    await heading.waitFor();
    expect(await heading.textContent()).toBe(band.title);
    // The result takes focus and is announced.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('quiz-readiness-result');
    expect(await page.locator('.quiz [role=status]').textContent()).toContain(band.title);

    const result = page.locator('.quiz-result');
    expect(await result.locator(`a[href="${band.next.href}"]`).count()).toBeGreaterThan(0);
    expect(await result.getByRole('link', { name: 'See the page you would share' }).getAttribute('href')).toBe(quizResultPath('readiness', bandId));
    await result.getByRole('button', { name: 'Share this result' }).click();
    await expect.poll(() => result.locator('.share').getAttribute('data-share-url')).toMatch(new RegExp(`${quizResultPath('readiness', bandId)}$`));
    const text = await result.innerText();
    expect(text).toContain(missingThemWarning);
    // The two facts later steps depend on: 9 days since, and a month apart as a minimum (never a countdown).
    expect(text).toContain("It's been 9 days since you broke up.");
    expect(text).toContain('at least a month apart: not before 1 April 2026, and longer if you need it.');

    const state = await savedState(page);
    expect(state?.quizzes.readiness).toMatchObject({ band: bandId, flags: [] });
    expect(state?.breakupDate).toBe('2026-03-01');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(quiz.questions.flatMap((question) => (question.kind === 'single' ? question.options : []).filter((option) => option.flags.includes('safety')).map((option) => [question.id, option.id])))(
    'answering %s = %s leads, kindly, to help instead of the steps',
    async (questionId, optionId) => {
      const { page, errors } = await openCheck();
      // Otherwise the most "ready" answers: the safety answer must still win.
      await answerQuiz(page, 'readiness', { ...answersForBand(quiz, 'ready'), [questionId]: optionId });
      await page.fill(dateInput, '2026-02-01');
      await page.click(submit);

      const heading = page.locator('#quiz-readiness-result');
      await heading.waitFor();
      expect(await heading.textContent()).toBe(safetyBand.title);
      const result = page.locator('.quiz-result');
      expect(await result.locator('a[href="/about/#find-local-support"]').count()).toBe(1);
      expect(await result.locator('a[href^="/steps/"]').count()).toBe(0);
      const text = await result.innerText();
      expect(text).toContain("This guide isn't for getting back together with someone you felt afraid of.");
      expect(text).not.toContain(missingThemWarning);
      expect(text).not.toMatch(/one-month mark|Step 3 asks/);

      const state = await savedState(page);
      expect(state?.relationshipSafe).toBe('no');
      expect(state?.quizzes.readiness.flags).toContain('safety');
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('asks for every answer and the date, with errors tied to the questions', async () => {
    const { page } = await openCheck();
    await page.click(submit);

    const summary = page.locator('.quiz-error-summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('quiz-error-summary'))).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('li').count()).toBe(quiz.questions.length + 1);

    // Each question's fieldset is described by its own error message.
    for (const fieldset of await page.locator('.quiz fieldset').all()) {
      const describedBy = (await fieldset.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`#${id}`).textContent()));
      expect(messages).toContain('Choose an answer.');
    }
    expect(await page.locator(dateInput).getAttribute('aria-describedby')).toContain('quiz-readiness-breakup-date-error');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // A link in the summary takes focus to its question.
    const firstQuestion = quiz.questions[0]!;
    await summary.locator('a').first().click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(`quiz-readiness-${firstQuestion.id}`);

    // Answering a question clears its error; a future date is its own error.
    await answerQuiz(page, 'readiness', answersForBand(quiz, 'ready'));
    await page.fill(dateInput, '2026-04-01');
    expect(await summary.locator('li').allTextContents()).toEqual(["When did you break up? The date can't be in the future."]);
    expect(await summary.locator('h3').textContent()).toBe('Please check your answers');
    expect(await savedState(page)).toBeNull();

    await page.fill(dateInput, '2026-03-09');
    await page.click(submit);
    await page.locator('#quiz-readiness-result').waitFor();
    expect(await summary.count()).toBe(0);
    await page.context().close();
  });

  it('counts the days live: the count moves on at midnight without a reload', async () => {
    const context = await site.browser.newContext({ timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-03-10T23:50:00Z') });
    await page.goto(`${site.server.url}/before-you-start/`);
    await hydrated(page, 'ReadinessCheck');
    await answerQuiz(page, 'readiness', answersForBand(quiz, 'ready'));
    await page.fill(dateInput, '2026-03-01');
    await page.click(submit);
    const count = page.locator('.quiz-result [data-month-count]');
    await count.waitFor();
    expect(await count.textContent()).toContain("It's been 9 days since you broke up.");

    await page.clock.runFor('20:00');
    await expect.poll(() => count.textContent()).toContain("It's been 10 days since you broke up.");
    expect(await count.textContent()).toContain('not before 1 April 2026');
    await context.close();
  });
});
