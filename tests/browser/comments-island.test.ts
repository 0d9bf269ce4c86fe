/** The comment thread and the admin queue in Chromium: lazy loading, the whole reader flow, moderation, a11y. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, launchBrowser, watchPage, type Browser, type BrowserContext, type Page } from '../support/browser.ts';
import { createComment } from '../support/comments-http.ts';
import { hydrateAllIslands } from '../support/islands.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/** Hydration and requests take their time on a busy machine: wait for outcomes, not for a fixed delay. */
const POLL = { timeout: 20_000 };

/**
 * Console errors that are the page's and not the comments': the site-wide style CSP is the layout's business,
 * tested by the site tests. Everything else (exceptions, failed scripts, other violations) still counts.
 */
const ownErrors = (errors: string[]) => errors.filter((error) => !/Content Security Policy directive 'style-src/.test(error));

const ADMIN_TOKEN = 'browser-admin-token-0123456789';
let clientNumber = 0;

/** Script files by what they are: the thread's page script, the forms it loads on demand, Preact itself. */
const isThreadCode = (path: string) => /^\/_astro\/thread\./.test(path);
const isFormCode = (path: string) => /^\/_astro\/mount-forms\./.test(path);
const isPreact = (path: string) => /^\/_astro\/(preact|client|signals\.module)\./.test(path);

describe.skipIf(!hasChromium)('comments in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ env: { DATABASE_URL: '', ADMIN_TOKEN, TRUST_PROXY: '1', COMMENTS_MODERATION: 'links' } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A browser profile of its own (its own localStorage) and its own address, as another person would have. */
  async function person(): Promise<BrowserContext> {
    clientNumber += 1;
    return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': `198.18.7.${clientNumber}` }, viewport: { width: 1000, height: 800 } });
  }

  async function openComments(page: Page, path: string): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await page.locator('#comments-heading').scrollIntoViewIfNeeded();
    await loaded(page);
  }

  /** Resolves once the thread's script has started and shown the thread (or its absence). */
  async function loaded(page: Page): Promise<void> {
    await page.locator('.comments .comment-list, .comments .comments-note:text-is("No comments yet.")').first().waitFor();
    // The forms load on first use: open the new-comment form the way a reader does.
    await page.getByRole('button', { name: 'Write a comment' }).click();
    await page.locator('.comments form button[type="submit"]:not([disabled])').first().waitFor();
    await expect.poll(() => page.locator('form.comment-form-new textarea').evaluate((element) => element === document.activeElement), POLL).toBe(true);
  }

  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  /** The list item of the comment whose text is exactly `text` (its own item, not a parent's). */
  const comment = (page: Page, text: string) => page.locator('.comment-body', { hasText: exactly(text) }).first().locator('xpath=ancestor::li[1]');

  it('loads no comment code and makes no request until the reader scrolls to the comments', async () => {
    const context = await person();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/steps/take-time/`);
    await page.waitForLoadState('networkidle');
    // The thread's page script starts on visibility (wakeOnVisible), as a client:visible island would.
    const thread = page.locator('[data-wake="comments"]');
    expect(await thread.getAttribute('data-asleep')).toBe('');
    expect(await thread.getAttribute('data-page')).toBe('/steps/take-time/');
    expect(requested.filter((path) => path.startsWith('/api/comments'))).toEqual([]);
    expect(requested.filter(isThreadCode)).toEqual([]);
    expect(await page.locator('section[data-pagefind-ignore] #comments-heading').count()).toBe(1);

    await page.locator('#comments-heading').scrollIntoViewIfNeeded();
    await page.locator('.comments .comment-list, .comments .comments-note:text-is("No comments yet.")').first().waitFor();
    expect(await thread.getAttribute('data-asleep')).toBeNull();
    // The forms' code waits until the reader asks to write.
    expect(requested.filter(isFormCode)).toEqual([]);
    await loaded(page);
    expect(requested.filter(isFormCode)).toHaveLength(1);
    expect(requested.filter(isThreadCode)).toHaveLength(1);
    expect(requested.filter((path) => path === '/api/comments')).toHaveLength(1);
    await context.close();
  });

  it('runs a step page, its quiz and its thread without Preact, which loads only when the reader opens a form; posting then works', async () => {
    await createComment(server.url, { page: '/steps/couples-counselling/', text: 'Read without a framework' }, { forwardedFor: '198.18.10.1' });
    const context = await person();
    const page = await context.newPage();
    const watch = watchPage(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/steps/couples-counselling/`);
    await page.waitForLoadState('networkidle');
    // No Preact island on a step page: its quiz and its thread are page scripts, each started as it comes into view.
    expect(await page.locator('astro-island').count()).toBe(0);
    expect(await hydrateAllIslands(page)).toBe(2);
    await comment(page, 'Read without a framework').waitFor(POLL);
    await page.waitForLoadState('networkidle');
    expect(requested.filter(isThreadCode)).toHaveLength(1);
    expect(requested.filter(isPreact)).toEqual([]);
    expect(requested.filter(isFormCode)).toEqual([]);

    await page.getByRole('button', { name: 'Write a comment' }).click();
    const form = page.locator('form.comment-form-new');
    await expect.poll(() => form.getByLabel('Your comment').evaluate((element) => element === document.activeElement), POLL).toBe(true);
    expect(requested.filter(isPreact).length).toBeGreaterThan(0);
    expect(requested.filter(isFormCode)).toHaveLength(1);
    await form.getByLabel('Your comment').fill('Posted through a form that loaded on demand.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), POLL).toBe('Your comment is posted.');
    await comment(page, 'Posted through a form that loaded on demand.').waitFor();
    expect(await page.locator('#comments-heading').textContent()).toBe('2 comments');
    expect(ownErrors(watch.errors)).toEqual([]);
    await context.close();
  });

  it('lets a reader post, reply, edit and delete; others report; the owner approves what waited', async () => {
    const path = '/steps/how-they-feel/';
    const author = await person();
    const authorPage = await author.newPage();
    const authorWatch = watchPage(authorPage);
    await openComments(authorPage, path);
    const form = authorPage.locator('form.comment-form-new');

    await form.getByLabel('Name (optional)').fill('Ana');
    await form.getByLabel('Your comment').fill('First thoughts on this step.');
    await expect.poll(() => form.locator('.comment-count').textContent(), POLL).toBe('28 of 4,000 characters');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), POLL).toBe('Your comment is posted.');
    const first = comment(authorPage, 'First thoughts on this step.');
    expect(await first.locator('.comment-author').textContent()).toBe('Ana');
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await first.locator('time').textContent()).toBe('just now');
    await expect.poll(() => authorPage.locator('#comments-heading').textContent(), POLL).toBe('1 comment');

    await first.getByRole('button', { name: 'Reply to Ana' }).click();
    const replyForm = first.locator('form.comment-form-reply');
    await expect.poll(() => replyForm.getByLabel('Your reply to Ana').evaluate((element) => element === document.activeElement), POLL).toBe(true);
    await replyForm.getByLabel('Your reply to Ana').fill('Answering myself.');
    await replyForm.getByRole('button', { name: 'Post reply' }).click();
    const reply = first.locator('.comment-replies li.comment').first();
    await expect.poll(() => reply.locator('.comment-body').textContent(), POLL).toBe('Answering myself.');
    await expect.poll(() => authorPage.locator('#comments-heading').textContent(), POLL).toBe('2 comments');

    await reply.getByRole('button', { name: 'Edit your comment' }).click();
    const editor = reply.getByLabel('Edit your comment');
    expect(await editor.inputValue()).toBe('Answering myself.');
    await editor.fill('Answering myself, edited.');
    await reply.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => reply.locator('.comment-body').textContent(), POLL).toBe('Answering myself, edited.');
    expect(await reply.locator('.comment-edited').textContent()).toBe('(edited)');
    expect(await reply.getByRole('status').textContent()).toBe('Your comment is saved.');

    await reply.getByRole('button', { name: 'Delete your comment' }).click();
    await reply.getByRole('button', { name: 'Delete comment' }).click();
    await expect.poll(() => first.locator('.comment-replies').count(), POLL).toBe(0);
    await expect.poll(() => authorPage.locator('.comments > p[role="status"]').textContent(), POLL).toBe('Your comment was deleted and erased from the server.');
    await expect.poll(() => authorPage.locator('#comments-heading').textContent(), POLL).toBe('1 comment');

    await form.getByLabel('Your comment').fill('More help at https://example.com/resources');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), POLL).toContain('awaiting approval');
    const waiting = comment(authorPage, 'More help at https://example.com/resources');
    expect(await waiting.locator('.comment-badge').textContent()).toBe('Awaiting approval');
    expect(await waiting.locator('a').getAttribute('rel')).toBe('nofollow ugc noopener noreferrer');

    // After a reload the author still sees the waiting comment and can still change their own.
    await openComments(authorPage, path);
    expect(await comment(authorPage, 'More help at https://example.com/resources').locator('.comment-badge').count()).toBe(1);
    expect(await comment(authorPage, 'First thoughts on this step.').getByRole('button', { name: 'Edit your comment' }).count()).toBe(1);

    const other = await person();
    const otherPage = await other.newPage();
    await openComments(otherPage, path);
    const seenByOther = comment(otherPage, 'First thoughts on this step.');
    await seenByOther.waitFor();
    expect(await otherPage.locator('.comment-body', { hasText: 'More help' }).count()).toBe(0);
    expect(await seenByOther.getByRole('button', { name: 'Edit your comment' }).count()).toBe(0);
    await seenByOther.getByRole('button', { name: 'Report comment by Ana' }).click();
    await seenByOther.getByLabel('What is wrong with this comment? (optional)').fill('Testing the report button');
    await seenByOther.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => seenByOther.getByRole('status').textContent(), POLL).toBe('Thank you. The site owner will take a look.');

    const owner = await browser.newContext();
    const adminPage = await owner.newPage();
    const adminWatch = watchPage(adminPage);
    await adminPage.goto(`${server.url}/admin/`);
    expect(await adminPage.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    // Typing before the island has hydrated must count too: fill at once, then wait until the button can be used.
    await adminPage.getByLabel('Admin token').fill('not-the-token-at-all');
    await expect.poll(() => adminPage.getByRole('button', { name: 'Open queues' }).isEnabled(), POLL).toBe(true);
    await adminPage.getByRole('button', { name: 'Open queues' }).click();
    await expect.poll(() => adminPage.locator('.admin-queue > p[role="status"]').textContent(), POLL).toBe('The admin token is missing or wrong.');
    await adminPage.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await adminPage.getByRole('button', { name: 'Open queues' }).click();
    const queued = comment(adminPage, 'More help at https://example.com/resources');
    await queued.waitFor();
    expect(await queued.locator(`a[href="${path}#comment-${await waiting.getAttribute('id').then((id) => id!.replace('comment-', ''))}"]`).textContent()).toBe(path);
    expect(await queued.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-/);
    await adminPage.getByRole('button', { name: 'Reported' }).click();
    const reported = comment(adminPage, 'First thoughts on this step.');
    await reported.waitFor();
    expect(await reported.textContent()).toContain('Reported: Testing the report button');
    await adminPage.getByRole('button', { name: 'Awaiting approval' }).click();
    await queued.getByRole('button', { name: 'Approve comment by Ana' }).click();
    await expect.poll(() => adminPage.locator('.admin-queue > p[role="status"]').textContent(), POLL).toBe('Comment by Ana approved.');
    // The token stays in this tab's sessionStorage only.
    expect(await adminPage.evaluate(() => [sessionStorage.getItem('back-together:admin-token'), localStorage.length])).toEqual([ADMIN_TOKEN, 0]);
    // Erasing for good asks first, then takes the comment out of the queue and the thread.
    await adminPage.getByRole('button', { name: 'Reported' }).click();
    await reported.waitFor();
    await reported.getByRole('button', { name: 'Erase for good comment by Ana' }).click();
    await reported.getByRole('button', { name: 'Erase it' }).click();
    await expect.poll(() => adminPage.locator('.admin-queue > p[role="status"]').textContent(), POLL).toBe('Comment by Ana erased for good.');
    // "Forget token" signs out of this tab: the token, the list and the field are cleared.
    await adminPage.getByRole('button', { name: 'Forget token' }).click();
    await expect.poll(() => adminPage.locator('.admin-queue > p[role="status"]').textContent(), POLL).toBe('Signed out of moderation in this tab.');
    expect(await adminPage.evaluate(() => sessionStorage.getItem('back-together:admin-token'))).toBeNull();
    expect(await adminPage.getByLabel('Admin token').inputValue()).toBe('');
    expect(await adminPage.locator('.admin-queue .comment-body').count()).toBe(0);

    await openComments(otherPage, path);
    await comment(otherPage, 'More help at https://example.com/resources').waitFor();
    await expect.poll(() => otherPage.locator('#comments-heading').textContent(), POLL).toBe('1 comment');
    expect(await otherPage.locator('.comment-body', { hasText: 'First thoughts' }).count()).toBe(0);

    expect(ownErrors(authorWatch.errors)).toEqual([]);
    expect(ownErrors(adminWatch.errors).filter((error) => !error.includes("401"))).toEqual([]);
    await Promise.all([author.close(), other.close(), owner.close()]);
  });

  it('keeps the form accessible: labels, errors tied to fields, results announced; no axe violations', async () => {
    const context = await person();
    const page = await context.newPage();
    await openComments(page, '/steps/best-attributes/');
    const form = page.locator('form.comment-form-new');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const textarea = form.getByLabel('Your comment');
    expect(await textarea.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await textarea.getAttribute('aria-describedby'))!.split(' ');
    const errorText = await page.locator(`[id="${describedBy[0]}"]`).textContent();
    expect(errorText).toBe('Write at least 2 visible characters.');
    expect(await page.locator(`[id="${describedBy[1]}"]`).textContent()).toContain('of 4,000 characters');
    expect(await textarea.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await form.getByRole('status').textContent()).toBe('Please correct the highlighted field.');
    expect(describeViolations(await axeViolations(page, '.comments'))).toBe('');

    await form.getByLabel('Name (optional)').fill('n'.repeat(61));
    await textarea.fill('A sensible comment.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const nameField = form.getByLabel('Name (optional)');
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await nameField.getAttribute('aria-describedby')}"]`).textContent()).toContain('60 characters');
    await nameField.fill('Bo');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await comment(page, 'A sensible comment.').waitFor();
    expect(describeViolations(await axeViolations(page, '.comments'))).toBe('');
    await context.close();
  });

  it('shows the server’s refusal honestly: a rate limit is explained, nothing pretends to be posted', async () => {
    const context = await person();
    const page = await context.newPage();
    await openComments(page, '/steps/new-relationship/');
    const form = page.locator('form.comment-form-new');
    for (let index = 0; index < 5; index += 1) {
      await form.getByLabel('Your comment').fill(`Comment number ${index}`);
      await form.getByRole('button', { name: 'Post comment' }).click();
      await comment(page, `Comment number ${index}`).waitFor();
    }
    await form.getByLabel('Your comment').fill('One too many');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => form.getByRole('status').textContent(), POLL).toMatch(/^Too many comments from here; try again in \d+ seconds\.$/);
    expect(await page.locator('.comment-body', { hasText: 'One too many' }).count()).toBe(0);
    expect(await form.getByLabel('Your comment').inputValue()).toBe('One too many');
    await context.close();
  });

  it('fills the comment counts of the home page from one request', async () => {
    const context = await person();
    const page = await context.newPage();
    for (const text of ['Counted once', 'Counted twice']) {
      await createComment(server.url, { page: '/steps/casual-date/', text }, { forwardedFor: `198.18.9.${text.length}` });
    }
    const counted: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/comments/counts') counted.push(request.url());
    });
    await page.goto(`${server.url}/`);
    const placeholder = page.locator('[data-comment-count="/steps/casual-date/"]');
    await expect.poll(() => placeholder.textContent(), POLL).toBe('2 comments');
    expect(counted).toHaveLength(1);
    await context.close();
  });

  it('survives damaged comment keys in localStorage', async () => {
    for (const damaged of ['{not json', '[1,2,3]', '{"aaaaaaaaaaaaaaaa":{"secret":"<img src=x onerror=alert(1)>","page":"/x/","createdAt":"soon"}}']) {
      const context = await person();
      await context.addInitScript((value) => localStorage.setItem('back-together:comment-keys', value), damaged);
      const page = await context.newPage();
      const watch = watchPage(page);
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await openComments(page, '/steps/deeper-conversation/');
      expect(await page.locator('#comments-heading').textContent()).toMatch(/Comments|comment/);
      expect(ownErrors(watch.errors)).toEqual([]);
      expect(warnings.join('\n')).toContain('comment key(s) were dropped');
      await context.close();
    }
  });
});
