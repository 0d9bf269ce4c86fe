import { describe, expect, it } from 'vitest';
import { hasChromium, watchPage, type Page } from '../support/browser';
import { answerQuiz, answersForBand, hydrated, savedState, shippedQuiz } from '../support/reader';
import { siteInChromium } from '../support/suite';

const doneBox = (slug: string) => `#step-done-${slug}`;
/** "Mark this step done" is a page script: its box is off until it shows what is saved. */
const doneBoxReady = (page: Page, slug: string) => page.locator(`${doneBox(slug)}:enabled`).waitFor();
/** Whether a link to a step shows it done: a tick after its name, which is read out as "(done)". */
const markedDone = (page: Page, link: string) =>
  page.locator(link).evaluate((element) => {
    const name = element.querySelector('.step-label, .step-title')!;
    const tick = getComputedStyle(name, '::after').content;
    return element.hasAttribute('data-done') && tick.includes('✓') && tick.includes('(done)');
  });
const navMark = (slug: string) => `.step-nav a[href="/steps/${slug}/"]`;
const homeMark = (slug: string) => `.step-list a[href="/steps/${slug}/"]`;

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
    expect(await markedDone(page, homeMark('understand-why'))).toBe(false);

    await markDone(page, 'understand-why');
    await expect.poll(() => markedDone(page, navMark('understand-why'))).toBe(true);
    // What a screen reader hears, from Chromium's accessibility tree: "(done)", not "check mark".
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    const linkNames = nodes.filter((node) => node.role?.value === 'link').map((node) => node.name?.value);
    expect(linkNames).toContain('1 Why you split up (done)');
    expect(linkNames).toContain('3 Take time apart');
    expect(await markedDone(page, navMark('take-time'))).toBe(false);
    expect(await page.locator('.step-done-status').textContent()).toMatch(/^Marked done on /);

    await markDone(page, 'take-time');
    await page.goto(`${site.server.url}/`);
    await expect.poll(() => count.textContent()).toBe('2 of 9 steps done');
    expect(await markedDone(page, homeMark('understand-why'))).toBe(true);
    expect(await markedDone(page, homeMark('take-time'))).toBe(true);
    expect(await markedDone(page, homeMark('how-they-feel'))).toBe(false);

    // Undo: the mark goes away everywhere.
    await markDone(page, 'take-time', false);
    await expect.poll(() => markedDone(page, navMark('take-time'))).toBe(false);
    expect(await markedDone(page, navMark('understand-why'))).toBe(true);
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
    await expect.poll(() => markedDone(tabB, navMark('casual-date'))).toBe(true);
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
