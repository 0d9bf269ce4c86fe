/**
 * What the privacy page promises, checked in the browser: answers, reflections and progress send nothing; no
 * cookie is ever set; every storage key the site really writes is listed; the reminder is made on the device;
 * "Delete everything" deletes what the privacy page says it does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_SUMMARY } from '../../src/lib/month-reminder';
import { hasChromium, launchBrowser, type Browser, type BrowserContext, type Page } from '../support/browser';
import { hydrateAllIslands } from '../support/islands';
import { startServer, type RunningServer } from '../support/server';
import { builtPage } from '../support/site';

const listedOnPrivacyPage = new Set(builtPage('/privacy/').document.querySelectorAll('main code').map((code) => code.text.trim()));

/** Local calendar date `days` from now, YYYY-MM-DD. */
function localDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe.skipIf(!hasChromium)('privacy in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Requests the page makes while `action` runs, apart from the site's own script chunks loaded on demand. */
  async function requestsDuring(action: () => Promise<void>): Promise<string[]> {
    const requests: string[] = [];
    const record = (request: { method(): string; url(): string }) => {
      const url = new URL(request.url());
      if (!(request.method() === 'GET' && url.origin === server.url && url.pathname.startsWith('/_astro/'))) requests.push(`${request.method()} ${request.url()}`);
    };
    context.on('request', record);
    try {
      await action();
    } finally {
      context.off('request', record);
    }
    return requests;
  }

  /**
   * Opens a page with every island running and settled: the comment thread loads once it is on screen,
   * so that request is waited for here, not counted against what the reader does next.
   */
  async function open(path: string): Promise<void> {
    const thread = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/comments');
    // Pages without comments never answer this wait: it must not fail the run when it times out unattended.
    thread.catch(() => undefined);
    await page.goto(`${server.url}${path}`);
    const hasComments = (await page.locator('[data-wake="comments"]').count()) > 0;
    await hydrateAllIslands(page);
    if (hasComments) await thread;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { COMMENTS_MODERATION: 'none' } }), launchBrowser()]);
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('sends nothing when the reader takes a quiz, marks a step done, writes a reflection or sets a date', async () => {
    await open('/steps/take-time/');
    const quiz = page.locator('[data-quiz-block="take-time"]');
    const sent = await requestsDuring(async () => {
      for (const question of await quiz.locator('fieldset.quiz-question').all()) await question.locator('input').last().check();
      await quiz.getByRole('button', { name: 'See my result' }).click();
      await expect.poll(() => quiz.locator('.quiz-result').count()).toBe(1);
      await page.locator('.step-done-label input[type="checkbox"]').check();
    });
    expect(sent).toEqual([]);

    await open('/steps/understand-why/');
    const reflection = 'Something private I wrote down.';
    expect(await requestsDuring(() => page.locator('textarea').first().fill(reflection))).toEqual([]);

    await open('/progress/');
    expect(await requestsDuring(() => page.locator('#progress-breakup-date').fill(localDate(-3)))).toEqual([]);

    // It was all kept, in this browser only.
    const stored = await page.evaluate(() => localStorage.getItem('back-together:state') ?? '');
    expect(stored).toContain(reflection);
    expect(stored).toContain('take-time');
  });

  it('makes the month reminder on the device: a discreet .ics for one month after the breakup', async () => {
    await page.goto(`${server.url}/progress/`);
    await hydrateAllIslands(page);
    const breakup = localDate(-3);
    await page.locator('#progress-breakup-date').fill(breakup);
    const reminder = page.locator('[data-month-reminder]');
    await expect.poll(() => reminder.count()).toBe(1);
    let file = '';
    const sent = await requestsDuring(async () => {
      const download = page.waitForEvent('download');
      await reminder.click();
      const stream = await (await download).createReadStream();
      for await (const chunk of stream) file += chunk;
    });
    expect(sent).toEqual([]);
    const [year, month, day] = breakup.split('-').map(Number) as [number, number, number];
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const expected = new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10).replaceAll('-', '');
    expect(file).toContain(`\r\nDTSTART;VALUE=DATE:${expected}\r\n`);
    expect(file).toContain(`\r\nSUMMARY:${REMINDER_SUMMARY}\r\n`);
    expect(file).toMatch(/\r\nUID:[0-9a-f]{32}@127\.0\.0\.1\r\n/);
    expect(await page.locator('#month-reminder [role="status"]').textContent()).toContain('reminder.ics');
  });

  // That no page sets one is checked for every page by the crawl in every-page.test.ts.
  it('never gets a cookie from posting a comment', async () => {
    await page.goto(`${server.url}/steps/take-time/`);
    await hydrateAllIslands(page);
    const comment = 'Thank you, this helped.';
    await page.getByRole('button', { name: 'Write a comment' }).click();
    await page.getByLabel('Your comment').fill(comment);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => page.getByText(comment).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('writes only storage keys the privacy page lists', async () => {
    // By now the reader has taken a quiz, written, set a date and posted a comment; also pick a theme.
    await page.goto(`${server.url}/privacy/`);
    await page.locator('[data-theme-toggle]').click();
    const keys = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
    expect(keys.local).toEqual(expect.arrayContaining(['back-together:state', 'back-together:theme', 'back-together:comment-keys']));
    for (const key of [...keys.local, ...keys.session]) expect(listedOnPrivacyPage, key).toContain(key);
  });

  it('deletes what the privacy page says "Delete everything" deletes', async () => {
    await page.goto(`${server.url}/progress/`);
    await hydrateAllIslands(page);
    expect(await page.evaluate(() => localStorage.getItem('back-together:state'))).not.toBeNull();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('back-together:state'))).toBeNull();
  });
});
