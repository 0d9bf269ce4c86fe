import { describe, expect, it } from 'vitest';
import { hasChromium, watchPage, type Page } from '../support/browser';
import { answerQuiz, answersForBand, hydrated, savedState, shippedQuiz } from '../support/reader';
import { siteInChromium } from '../support/suite';

const doneBox = (slug: string) => `#step-done-${slug}`;
/** "Mark this step done" is a page script: its box is off until it shows what is saved. */
const doneBoxReady = (page: Page, slug: string) => page.locator(`${doneBox(slug)}:enabled`).waitFor();
const navMark = (slug: string) => `.step-nav li[data-step-href="/steps/${slug}/"] [data-step-done-mark]`;
const homeMark = (slug: string) => `.step-list li[data-step-href="/steps/${slug}/"] [data-step-done-mark]`;

describe.skipIf(!hasChromium)('marking steps done', () => {
  const site = siteInChromium();

  async function markDone(page: Page, slug: string, done = true): Promise<void> {
    await page.goto(`${site.server.url}/steps/${slug}/`);
    await doneBoxReady(page, slug);
    await page.setChecked(doneBox(slug), done);
  }

  it('shows done steps in the step navigation and "n of 9" on the home page', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const { errors } = watchPage(page);

    await page.goto(`${site.server.url}/`);
    const count = page.locator('[data-progress-count]');
    await expect.poll(() => count.textContent()).toBe('0 of 9 steps done');
    expect(await page.locator(homeMark('understand-why')).isHidden()).toBe(true);

    await markDone(page, 'understand-why');
    await expect.poll(() => page.locator(navMark('understand-why')).isVisible()).toBe(true);
    expect(await page.locator(navMark('take-time')).isHidden()).toBe(true);
    expect(await page.locator('.step-done-status').textContent()).toMatch(/^Marked done on /);

    await markDone(page, 'take-time');
    await page.goto(`${site.server.url}/`);
    await expect.poll(() => count.textContent()).toBe('2 of 9 steps done');
    expect(await page.locator(homeMark('understand-why')).isVisible()).toBe(true);
    expect(await page.locator(homeMark('take-time')).isVisible()).toBe(true);
    expect(await page.locator(homeMark('how-they-feel')).isHidden()).toBe(true);

    // Undo: the mark goes away everywhere.
    await markDone(page, 'take-time', false);
    await expect.poll(() => page.locator(navMark('take-time')).isHidden()).toBe(true);
    expect(await page.locator(navMark('understand-why')).isVisible()).toBe(true);
    await page.goto(`${site.server.url}/`);
    await expect.poll(() => count.textContent()).toBe('1 of 9 steps done');
    expect((await savedState(page))?.steps['take-time'].done).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps two open tabs in sync', async () => {
    const context = await site.browser.newContext();
    const [tabA, tabB] = [await context.newPage(), await context.newPage()];
    await Promise.all([tabA, tabB].map((tab) => tab.goto(`${site.server.url}/steps/casual-date/`)));
    await Promise.all([tabA, tabB].map((tab) => doneBoxReady(tab, 'casual-date')));
    // Actions wait for animation frames, which only the tab in front gets at full speed.
    await tabA.bringToFront();
    await tabA.check(doneBox('casual-date'));
    await expect.poll(() => tabB.isChecked(doneBox('casual-date'))).toBe(true);
    await expect.poll(() => tabB.locator(navMark('casual-date')).isVisible()).toBe(true);
    // A quiz result saved in one tab shows in the other.
    const quiz = shippedQuiz('casual-date');
    const band = quiz.bands.find((candidate) => !candidate.flag)!;
    await Promise.all([tabA, tabB].map((tab) => hydrated(tab, 'Quiz')));
    await tabA.bringToFront();
    await answerQuiz(tabA, 'casual-date', answersForBand(quiz, band.id));
    await tabA.click('#quiz-casual-date-form .quiz-submit');
    await expect.poll(() => tabB.locator('#quiz-casual-date-result').textContent()).toBe(band.title);
    // The progress page follows along too.
    const progress = await context.newPage();
    await progress.goto(`${site.server.url}/progress/`);
    await hydrated(progress, 'ProgressDashboard');
    const row = progress.locator('[data-progress-step="casual-date"]');
    expect(await row.textContent()).toContain(band.title);
    await tabB.bringToFront();
    await tabB.uncheck(doneBox('casual-date'));
    await expect.poll(() => row.locator('.progress-state').textContent()).toBe('Not done yet');
    await expect.poll(() => tabA.isChecked(doneBox('casual-date'))).toBe(false);
    await context.close();
  });
});
