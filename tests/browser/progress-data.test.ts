import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, layoutShiftTotal, recordLayoutShifts, watchPage, type BrowserContext, type Page } from '../support/browser';
import { hydrateAll, hydrated, savedState } from '../support/reader';
import { onePagePerKind } from '../support/sitemap';
import { siteInChromium } from '../support/suite';

const stateKey = 'back-together:state';
const at = '2026-03-02T09:00:00.000Z';
/** A reader who is ready, has done steps 1 and 2, broke up on 1 March 2026 and took two quizzes. */
const seededState = {
  v: 1,
  quizzes: {
    readiness: { answers: { 'worth-it': 'yes-clearly' }, score: 10, band: 'ready', flags: [], at },
    'take-time': {
      answers: { 'how-long': 'under-a-month' },
      score: 0,
      band: 'too-soon',
      flags: ['too-soon'],
      at,
      previous: { score: 3, band: 'give-it-longer', at: '2026-03-01T09:00:00.000Z' },
    },
  },
  steps: { 'understand-why': { done: true, at }, 'why-you-want-this': { done: true, at } },
  breakupDate: '2026-03-01',
  relationshipSafe: 'yes',
  journal: { 'why-split': 'We stopped making time for each other.' },
};

describe.skipIf(!hasChromium)('reader data', () => {
  const site = siteInChromium();

  /** A page in a fresh profile whose storage holds `state`, on /progress/ with the dashboard hydrated. */
  async function openProgress(state: unknown, context?: BrowserContext): Promise<Page> {
    const page = await (context ?? (await site.browser.newContext({ timezoneId: 'UTC' }))).newPage();
    await page.goto(`${site.server.url}/privacy/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [stateKey, JSON.stringify(state)] as const);
    await page.goto(`${site.server.url}/progress/`);
    await hydrated(page, 'ProgressDashboard', { scroll: false });
    // The saved state shows from the render after hydration on.
    await page.locator('.progress[data-ready]').waitFor({ state: 'attached' });
    return page;
  }

  it.each([
    ['corrupted JSON', '{"v":1,"quizzes":{"take-time":'],
    ['a future version', JSON.stringify({ ...seededState, v: 7 })],
  ])('loads a page of every kind without an error when storage holds %s', async (_, garbage) => {
    const context = await site.browser.newContext();
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [stateKey, garbage] as const);
    const page = await context.newPage();
    const { errors } = watchPage(page);
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const paths = onePagePerKind();
    expect(paths).toEqual(expect.arrayContaining(['/', '/progress/', '/search/', expect.stringMatching(/^\/steps\//)]));
    for (const path of paths) {
      await page.goto(`${site.server.url}${path}`);
      await hydrateAll(page);
      expect(errors, path).toEqual([]);
    }
    expect(warnings.filter((warning) => warning.includes('saved progress was ignored')).length).toBeGreaterThan(0);
    // The reader starts clean.
    await page.goto(`${site.server.url}/progress/`);
    await hydrated(page, 'ProgressDashboard');
    expect(await page.locator('[data-steps-done]').textContent()).toBe('0 of 9 steps done');
    await context.close();
  });

  it.each([
    ['an array', '[]'],
    ['another site\'s data', '{"cart":[{"id":1}]}'],
    ['wrong types everywhere', '{"v":1,"quizzes":[],"steps":{"take-time":"yes"},"journal":{"why-split":42},"breakupDate":"soon"}'],
    ['a number', '42'],
  ])('shows a clean state, without errors, when storage holds %s', async (_, garbage) => {
    const context = await site.browser.newContext();
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [stateKey, garbage] as const);
    const page = await context.newPage();
    const { errors } = watchPage(page);
    for (const path of ['/', '/before-you-start/', '/steps/understand-why/', '/progress/']) {
      await page.goto(`${site.server.url}${path}`);
      await hydrateAll(page);
    }
    expect(await page.locator('[data-steps-done]').textContent()).toBe('0 of 9 steps done');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports everything as a file, deletes everything after confirming, and imports the file back', async () => {
    const page = await openProgress(seededState);
    const { errors } = watchPage(page);
    expect(await page.locator('[data-steps-done]').textContent()).toBe('2 of 9 steps done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^back-together-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toEqual(seededState);

    // Delete asks first; cancelling keeps everything.
    const deleteButton = page.getByRole('button', { name: 'Delete everything', exact: true });
    await deleteButton.click();
    await expect.poll(() => deleteButton.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await savedState(page)).toEqual(seededState);
    await deleteButton.click();
    await page.evaluate(() => {
      localStorage.setItem('back-together:comment-keys', '{}');
      localStorage.setItem('back-together:theme', 'dark');
      localStorage.setItem('not-ours', 'kept');
    });
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    expect(await page.evaluate((key) => localStorage.getItem(key), stateKey)).toBeNull();
    // Everything of this site goes (edit keys and theme too); nothing else is touched.
    expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(['not-ours']);
    await expect.poll(() => page.locator('[data-steps-done]').textContent()).toBe('0 of 9 steps done');
    // The message waits for the offline copies to go (asynchronous), after the storage is already empty.
    await expect.poll(() => page.locator('.progress [role=status]').textContent()).toContain('has been deleted');

    await page.setInputFiles('.progress-import input', { name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => page.locator('.progress [role=status]').textContent()).toBe('Your progress was imported.');
    expect(await savedState(page)).toEqual(seededState);
    await expect.poll(() => page.locator('[data-steps-done]').textContent()).toBe('2 of 9 steps done');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['not JSON', 'hello there', "couldn't be read"],
    ['not a progress file', '{"theme":"dark"}', "isn't a Back Together progress file"],
    ['from a newer version', '{"v":3,"quizzes":{}}', 'newer version'],
  ])('refuses an import file that is %s, with a clear message, changing nothing', async (_, content, message) => {
    const page = await openProgress(seededState);
    await page.setInputFiles('.progress-import input', { name: 'file.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    const status = page.locator('.progress [role=status]');
    await expect.poll(() => status.textContent()).toContain(message);
    expect(await status.textContent()).toContain('Nothing was changed.');
    expect(await status.getAttribute('class')).toBe('progress-problem');
    expect(await savedState(page)).toEqual(seededState);
    await page.context().close();
  });

  it('shows each step, the latest results, days since the breakup (live) and the next step', async () => {
    const context = await site.browser.newContext({ timezoneId: 'UTC' });
    await context.clock.install({ time: new Date('2026-03-10T23:50:00Z') });
    const page = await openProgress(seededState, context);

    expect(await page.locator('[data-readiness-result]').textContent()).toContain('You seem ready to begin');
    expect(await page.locator('[data-progress-step="understand-why"] .progress-state').textContent()).toMatch(/^Done \(2 March 2026\)$/);
    expect(await page.locator('[data-progress-step="take-time"] .progress-state').textContent()).toBe('Not done yet');
    const takeTimeQuiz = await page.locator('[data-progress-step="take-time"] .progress-quiz').textContent();
    expect(takeTimeQuiz).toContain("It's still too soon");
    expect(takeTimeQuiz).toContain('Last time: Give it a little longer');

    const month = page.locator('.progress [data-month-count]');
    const notBefore = 'Step 3 asks for at least a month apart, so not before 1 April 2026. When you feel ready after that, read step 4.';
    expect(await month.textContent()).toBe(`It's been 9 days since you broke up. ${notBefore}`);
    expect(await month.locator('a').getAttribute('href')).toBe('/steps/how-they-feel/');
    // The latest step 3 result says "too soon": the suggested next step follows it.
    const next = page.locator('#progress-next + p');
    expect(await next.getAttribute('data-next-hold')).toBe('not-ready');
    expect(await next.locator('a').getAttribute('href')).toBe('/articles/no-contact/');
    expect(await next.textContent()).toContain('said “It\'s still too soon”');
    expect(await page.locator('.progress').innerText()).not.toMatch(/keep your distance until|days to go/);

    // A live count: past midnight it moves on without a reload.
    await context.clock.runFor('20:00');
    await expect.poll(() => month.textContent()).toBe(`It's been 10 days since you broke up. ${notBefore}`);

    // A date in the future is refused, next to the field.
    await page.fill('#progress-breakup-date', '2026-05-01');
    await page.locator('#progress-breakup-date-error').waitFor();
    expect((await savedState(page))?.breakupDate).toBe('2026-03-01');

    // Changing the date recounts at once; past the mark, step 3 no longer says to wait.
    await page.fill('#progress-breakup-date', '2026-02-01');
    await expect.poll(() => month.textContent()).toBe(
      "It's been 38 days since you broke up. That's at least the month apart step 3 asks for. When you feel ready, read step 4.",
    );
    expect((await savedState(page))?.breakupDate).toBe('2026-02-01');
    expect(await next.locator('a').getAttribute('href')).toBe('/articles/no-contact/');
    await context.close();
  });

  it('has no axe violations with saved data, or while confirming a delete', async () => {
    const page = await openProgress(seededState);
    const before = await axeViolations(page);
    expect(before, describeViolations(before)).toEqual([]);
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.context().close();
  });

  it('recommends help rather than the steps when the relationship was not safe', async () => {
    const unsafe = {
      ...seededState,
      relationshipSafe: 'no',
      quizzes: { readiness: { answers: { 'felt-safe': 'sometimes' }, score: 9, band: 'not-for-you', flags: ['safety'], at } },
    };
    const page = await openProgress(unsafe);
    const next = page.locator('#progress-next + p');
    expect(await next.locator('a').getAttribute('href')).toBe('/about/#find-local-support');
    expect(await next.locator('a[href^="/steps/"]').count()).toBe(0);
    await page.context().close();
  });

  it.each([
    ['a safety answer at step 4', 'how-they-feel', 'safety-first', ['safety'], 'safety', 'You answered on this device that you didn\'t always feel safe with your ex.'],
    ['a self-harm answer on the way-out page', 'if-it-doesnt-work-out', 'get-help-now', ['crisis'], 'crisis', 'You answered on this device that you\'ve had thoughts of harming yourself.'],
    ['a "not for now" result at step 6', 'casual-date', 'accept-no-first', ['not-ready'], 'not-ready', 'First, make sure a no would be all right'],
  ])('shows %s in the next step, which follows it', async (_, quizId, band, flags, hold, words) => {
    const state = { ...seededState, quizzes: { ...seededState.quizzes, 'take-time': { ...seededState.quizzes['take-time'], band: 'ready-to-reach-out', flags: [] }, [quizId]: { answers: {}, score: 3, band, flags, at } } };
    const page = await openProgress(state);
    const next = page.locator('#progress-next + p');
    // The saved state is read after hydration: wait for the render that shows it.
    await expect.poll(() => next.getAttribute('data-next-hold')).toBe(hold);
    expect(await next.textContent()).toContain(words);
    expect(await next.locator('a[href^="/steps/"]').count()).toBe(0);
    expect(await page.locator('.progress').innerText()).not.toContain('told us');
    await page.context().close();
  });

  it('asks for at least a month at step 3, never a countdown to a date', async () => {
    const context = await site.browser.newContext({ timezoneId: 'UTC' });
    await context.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
    const { 'take-time': _, ...quizzes } = seededState.quizzes;
    const page = await openProgress({ ...seededState, quizzes }, context);
    const next = page.locator('#progress-next + p');
    expect(await next.locator('a').getAttribute('href')).toBe('/steps/take-time/');
    expect(await next.textContent()).toContain('step 3 asks for at least a month apart, so not before 1 April 2026, and longer if you need it.');
    expect(await page.locator('.progress').innerText()).not.toMatch(/keep your distance until|days to go/);
    await context.close();
  });

  it('shows the saved state after hydration without shifting the layout', async () => {
    // A phone, where longer saved text is most likely to wrap onto new lines.
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    await recordLayoutShifts(context);
    const page = await openProgress(seededState, context);
    await page.locator('[data-progress-step="take-time"]').getByText("It's still too soon").waitFor();
    expect(await layoutShiftTotal(page)).toBeLessThan(0.01);
    await context.close();
  });
});
