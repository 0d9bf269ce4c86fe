import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, watchPage, type BrowserContext } from '../support/browser';
import { shippedQuiz } from '../support/reader';
import { siteInChromium } from '../support/suite';

const quiz = shippedQuiz('take-time');
const band = quiz.bands.find((candidate) => !candidate.flag)!;
const stopState = (href: string) => `[data-progress-track] [data-track-stop="${href}"]`;

/** A reader who finished step 1, took step 3's self-assessment, and broke up on 20 November 2026. */
async function readerWithProgress(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    ([bandId]) => {
      if (localStorage.getItem('back-together:state')) return;
      const at = '2026-11-25T10:00:00.000Z';
      localStorage.setItem(
        'back-together:state',
        JSON.stringify({ v: 1, steps: { 'understand-why': { done: true, at } }, quizzes: { 'take-time': { score: 1, band: bandId, answers: {}, flags: [], at } }, journal: {}, breakupDate: '2026-11-20' }),
      );
    },
    [band.id],
  );
}

describe.skipIf(!hasChromium)('the progress track', () => {
  const site = siteInChromium();

  it.each([['light'], ['dark']] as const)('draws each stop and the time apart on /progress/ (%s theme), in words too', async (colorScheme) => {
    const context = await site.browser.newContext({ colorScheme });
    await readerWithProgress(context);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.clock.install({ time: new Date('2026-12-02T10:00:00') });
    // Opening step 2 records it as read.
    await page.goto(`${site.server.url}/steps/why-you-want-this/`);
    await page.goto(`${site.server.url}/progress/`);

    await expect.poll(() => page.locator(stopState('/steps/understand-why/')).getAttribute('data-state')).toBe('done');
    expect(await page.locator(stopState('/steps/why-you-want-this/')).getAttribute('data-state')).toBe('read');
    expect(await page.locator(stopState('/steps/take-time/')).getAttribute('data-state')).toBe('quiz');
    expect(await page.locator(stopState('/steps/how-they-feel/')).getAttribute('data-state')).toBe('not-started');
    expect(await page.locator(`${stopState('/steps/take-time/')} [data-track-status]`).textContent()).toBe(`Self-assessment: ${band.title}`);
    expect(await page.locator(`${stopState('/steps/understand-why/')} [data-track-status]`).textContent()).toBe('Done');

    expect(await page.locator('[data-track-time-text]').textContent()).toBe(
      '12 days since the breakup. Step 3 asks for at least a month apart, so not before 20 December 2026, and longer is fine.',
    );
    const line = page.locator('[data-track-time-line]');
    expect(await line.isVisible()).toBe(true);
    const elapsed = Number(await line.locator('[data-track-elapsed]').getAttribute('width'));
    const mark = Number(await line.locator('[data-track-mark]').getAttribute('x'));
    expect(elapsed).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(mark);

    // The states differ in more than colour: outline, double outline, filled.
    const borderStyle = (href: string) => page.locator(`${stopState(href)} .track-mark`).evaluate((mark) => getComputedStyle(mark).borderTopStyle + ' ' + getComputedStyle(mark).backgroundColor);
    const looks = await Promise.all(['/steps/how-they-feel/', '/steps/take-time/', '/steps/understand-why/'].map(borderStyle));
    expect(new Set(looks).size).toBe(3);
    expect(describeViolations(await axeViolations(page, '[data-progress-track]'))).toBe('');

    // Printed, the track and its words stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-progress-track] .track-stops').isVisible()).toBe(true);
    expect(await page.locator(`${stopState('/steps/understand-why/')} .track-mark`).evaluate((mark) => getComputedStyle(mark).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('shows the same track in small on the home page, with each state for screen readers', async () => {
    const context = await site.browser.newContext();
    await readerWithProgress(context);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    const small = page.locator('.track-small');
    await expect.poll(() => small.locator('[data-track-stop="/steps/understand-why/"]').getAttribute('data-state')).toBe('done');
    expect(await small.locator('[data-track-stop="/steps/take-time/"] .visually-hidden').textContent()).toBe(`Step 3, Take time apart: Self-assessment: ${band.title}`);
    expect(await small.locator('.track-stop').count()).toBe(11);
    const box = (await small.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    expect(describeViolations(await axeViolations(page, '.track-small'))).toBe('');
    await context.close();
  });

  it('shows every stop as not started right after "Delete everything"', async () => {
    const context = await site.browser.newContext();
    await readerWithProgress(context);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/steps/why-you-want-this/`);
    await page.goto(`${site.server.url}/progress/`);
    await expect.poll(() => page.locator(stopState('/steps/why-you-want-this/')).getAttribute('data-state')).toBe('read');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => page.locator('[data-track-stop][data-state="not-started"]').count()).toBe(11);
    expect(await page.locator('[data-track-time-line]').isHidden()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('back-together:read'))).toBeNull();
    await context.close();
  });

  it('starts clean with garbage in storage', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(() => {
      localStorage.setItem('back-together:state', '{"v":1,"steps":"nope"');
      localStorage.setItem('back-together:read', '{"/steps/take-time/":{"x":1}}');
    });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.server.url}/progress/`);
    await expect.poll(() => page.locator('[data-track-stop][data-state="not-started"]').count()).toBe(11);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
