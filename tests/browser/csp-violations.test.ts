/**
 * With the Content-Security-Policy on (header from the Node server and <meta> in every page), every island works:
 * this searches, takes a quiz, marks a step done, writes a reflection, posts a comment and makes the calendar
 * reminder, and fails on any securitypolicyviolation event or CSP console message. That every page loads without
 * one is checked by the crawl in every-page.test.ts, with the same recorder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, type Browser, type BrowserContext, type Page } from '../support/browser';
import { cspConsoleMessage, recordCspViolations, takeCspViolations } from '../support/crawl';
import { hydrateAllIslands } from '../support/islands';
import { startServer, type RunningServer } from '../support/server';

describe.skipIf(!hasChromium)('the Content-Security-Policy in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** CSP problems the browser reported: violation events, and console messages about the policy. */
  const problems: string[] = [];

  /** Collects the violations the current document recorded. */
  async function collect(): Promise<void> {
    for (const violation of await takeCspViolations(page)) problems.push(`${new URL(page.url()).pathname}: ${violation}`);
  }

  async function visit(path: string): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await hydrateAllIslands(page);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { COMMENTS_MODERATION: 'none' } }), launchBrowser()]);
    context = await browser.newContext({ acceptDownloads: true });
    await recordCspViolations(context);
    page = await context.newPage();
    page.on('console', (message) => {
      const text = message.text();
      if (cspConsoleMessage.test(text)) problems.push(`${page.url()} console.${message.type()}: ${text}`);
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('blocks an injected inline script and style, and this test sees it (the policy is live)', async () => {
    await visit('/steps/take-time/');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true';
      document.head.append(script);
      document.body.setAttribute('style', 'background: red');
      return 'injectedScriptRan' in window;
    });
    expect(ran).toBe(false);
    // Reported once by the header's policy and once by the <meta> tag's: both are enforced.
    await expect
      .poll(() => page.evaluate(() => window.cspViolations.map((violation) => violation.directive).sort()))
      .toEqual(['script-src-elem', 'script-src-elem', 'style-src-attr', 'style-src-attr']);
    await page.evaluate(() => (window.cspViolations = []));
    problems.length = 0;
  });

  it('lets search run, on the search page and in the header dialog (Pagefind: worker and WebAssembly)', async () => {
    await visit('/search/?q=month');
    await expect.poll(() => page.locator('.search-results li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await collect();

    await visit('/about/');
    await page.locator('[data-search-open]').first().click();
    const field = page.locator('dialog.search-dialog input[type="search"]');
    await field.fill('counselling');
    await expect.poll(() => page.locator('dialog.search-dialog .search-results li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await collect();
    expect(problems).toEqual([]);
  });

  it('lets a quiz, "mark this step done", reflections and comments run', async () => {
    await visit('/steps/take-time/');
    const quiz = page.locator('[data-quiz-block="take-time"]');
    for (const question of await quiz.locator('fieldset.quiz-question').all()) {
      await question.locator('input').first().check();
    }
    await quiz.getByRole('button', { name: 'See my result' }).click();
    await expect.poll(() => quiz.locator('.quiz-result').count()).toBe(1);

    await page.locator('.step-done-label input[type="checkbox"]').check();

    const comment = 'Taking it one day at a time. Thank you.';
    await page.getByRole('button', { name: 'Write a comment' }).click();
    await page.getByLabel('Your comment').fill(comment);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => page.getByText(comment).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await collect();

    await visit('/steps/understand-why/');
    const reflection = page.locator('textarea').first();
    await reflection.fill('What I noticed today.');
    await collect();
    expect(problems).toEqual([]);
  });

  it('lets the theme switch and the calendar reminder run', async () => {
    await visit('/progress/');
    await page.locator('[data-theme-toggle]').click();
    await page.locator('#progress-breakup-date').fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    const download = page.waitForEvent('download');
    await page.locator('[data-month-reminder]').click();
    expect((await download).suggestedFilename()).toBe('reminder.ics');
    await collect();
    expect(problems).toEqual([]);
  });
});
