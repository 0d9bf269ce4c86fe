/**
 * What one comment can do to the page around it, in Chromium. The comments here are written straight into the
 * store, as text stored before today's limits (or let through by a future mistake) would be: the page's CSS is
 * the backstop that keeps each comment inside its own box, and names and text cannot reorder what is around them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentRecord } from '../../src/server/comments/store/store.ts';
import { axeViolations, describeViolations, hasChromium, launchBrowser, type Browser, type Page } from '../support/browser.ts';
import { ALWAYS, commentRecord, T0 } from '../support/comments.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const POLL = { timeout: 20_000 };
const DEFACED_PAGE = '/steps/take-time/';
const LONG_THREAD_PAGE = '/articles/no-contact/';

describe.skipIf(!hasChromium)('one comment cannot deface the page', () => {
  let server: RunningServer;
  let browser: Browser;
  const defacer = commentRecord({ page: DEFACED_PAGE, createdAt: T0 + 2, name: '\u0301'.repeat(60), text: `Z${'\u0301'.repeat(3999)}` });
  const flipped = commentRecord({ page: DEFACED_PAGE, createdAt: T0 + 3, name: '\u202EnimdA', text: '\u202Eright to left' });
  const top = commentRecord({ page: LONG_THREAD_PAGE, createdAt: T0, name: 'Kai', text: 'A question many answered' });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DATABASE_URL: '' } }), launchBrowser()]);
    const store = new SqliteCommentStore(join(server.dataDir, 'comments.db'));
    const records: CommentRecord[] = [
      commentRecord({ page: DEFACED_PAGE, createdAt: T0 + 1, text: 'Before it' }),
      defacer,
      flipped,
      commentRecord({ page: DEFACED_PAGE, createdAt: T0 + 4, text: 'After it' }),
      top,
      ...Array.from({ length: 25 }, (_, index) => commentRecord({ page: LONG_THREAD_PAGE, parentId: top.id, createdAt: T0 + 10 + index, text: `Answer ${index + 1}` })),
    ];
    for (const record of records) await store.insert(record, ALWAYS);
    await store.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openThread(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${server.url}${path}`);
    await page.locator('#comments-heading').scrollIntoViewIfNeeded();
    await page.locator('.comments .comment-list').waitFor(POLL);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  it('clips stacked accents in the text and the name to the comment’s own box', async () => {
    const page = await openThread(DEFACED_PAGE);
    const item = page.locator(`#comment-${defacer.id}`);
    await item.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const box = (await item.boundingBox())!;
    const viewport = page.viewportSize()!;
    const regions = [
      { x: 0, y: Math.max(0, box.y - 350), width: viewport.width, height: Math.min(350, box.y) },
      { x: 0, y: box.y + box.height, width: viewport.width, height: Math.min(350, viewport.height - box.y - box.height) },
    ];
    const shots = () => Promise.all(regions.map((clip) => page.screenshot({ clip, animations: 'disabled' })));
    const withComment = await shots();
    // The same page without the comment's ink (its box keeps its place): nothing around it may differ.
    await item.evaluate((element) => ((element as HTMLElement).style.visibility = 'hidden'));
    const withoutComment = await shots();
    expect(withComment.map((shot, index) => shot.equals(withoutComment[index]!))).toEqual([true, true]);
    await page.close();
  });

  it('isolates names and text, so right-to-left overrides stay inside them', async () => {
    const page = await openThread(DEFACED_PAGE);
    const item = page.locator(`#comment-${flipped.id}`);
    expect(await item.locator('.comment-author').evaluate((element) => element.tagName)).toBe('BDI');
    expect(await item.locator('.comment-body').evaluate((element) => [element.getAttribute('dir'), getComputedStyle(element).unicodeBidi])).toEqual(['auto', 'isolate']);
    // The time after the name reads as it would after any name.
    const order = await item.locator('.comment-meta').evaluate((meta) => {
      const [author, time] = [meta.querySelector('.comment-author')!, meta.querySelector('time')!];
      return author.getBoundingClientRect().right <= time.getBoundingClientRect().left;
    });
    expect(order).toBe(true);
    await page.close();
  });

  it('shows 10 replies, then the rest on request with a button that says how many; focus goes to the first new one', async () => {
    const page = await openThread(LONG_THREAD_PAGE);
    const thread = page.locator(`#comment-${top.id}`);
    expect(await thread.locator('.comment-replies > li').count()).toBe(10);
    const more = thread.getByRole('button', { name: 'Show 15 more replies to Kai' });
    await more.click();
    await expect.poll(() => thread.locator('.comment-replies > li').count(), POLL).toBe(25);
    expect(await thread.locator('.comment-replies > li .comment-body').allTextContents()).toEqual(Array.from({ length: 25 }, (_, index) => `Answer ${index + 1}`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.includes('Answer 11')), POLL).toBe(true);
    expect(await page.locator('.comments > p[role="status"]').textContent()).toBe('Showing 15 more replies.');
    expect(await thread.getByRole('button', { name: /more repl/ }).count()).toBe(0);
    const violations = await axeViolations(page, '.comments');
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });
});
