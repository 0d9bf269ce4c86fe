/**
 * The private contact route in Chromium: a reader sends a message from /contact/, the owner reads it at
 * /admin/messages/ with the token, and it shows up on no public page and in no public API answer. axe on both pages.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, watchPage, type Page } from '../support/browser.ts';
import { siteInChromium } from '../support/suite.ts';
import { everyPagePath } from '../support/sitemap.ts';

const POLL = { timeout: 20_000 };
const ADMIN_TOKEN = 'browser-contact-token-0123456789';
/** Unmistakable words to look for everywhere the public can read. */
const SECRET = 'Quiet heron 4711 private words';
const HOSTILE = `<img src=x onerror="document.title='owned'"> ${SECRET}`;

/** The pages' own console noise about styles is the layout's business (see the CSP tests); anything else counts. */
const ownErrors = (errors: string[]) => errors.filter((error) => !/Content Security Policy directive 'style-src/.test(error));

async function expectAccessible(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}\n${describeViolations(violations)}`).toEqual([]);
}

async function formReady(page: Page) {
  await page.getByRole('button', { name: 'Send privately' }).and(page.locator(':not([disabled])')).waitFor(POLL);
}

describe.skipIf(!hasChromium)('private messages in Chromium', () => {
  const site = siteInChromium({ env: { DATABASE_URL: '', ADMIN_TOKEN, TRUST_PROXY: '' } });

  it('sends a message from /contact/, announces errors first, and puts nothing in the address bar', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.server.url}/contact/`);
    await formReady(page);
    await expectAccessible(page, '/contact/ as loaded');

    // An empty message and a bad address: both fields are marked, the first gets focus, the status says why.
    await page.getByLabel('Your email address').fill('not an address');
    await page.getByRole('button', { name: 'Send privately' }).click();
    const message = page.getByLabel('What would you like to tell us?');
    await expect.poll(() => message.evaluate((element) => element === document.activeElement), POLL).toBe(true);
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Your email address').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('status').filter({ hasText: 'correct the highlighted field' }).count()).toBe(1);
    expect(await message.evaluate((element) => element.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '))).toMatch(/at least 2 (visible )?characters/);
    await expectAccessible(page, '/contact/ with errors shown');

    await message.fill(HOSTILE);
    await page.getByLabel('Your name').fill('Robin');
    await page.getByLabel('Your email address').fill('');
    await page.getByRole('button', { name: 'Send privately' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent. Only the site owner can read it.' }).waitFor(POLL);
    expect(await page.getByRole('status').filter({ hasText: 'You left no email address, so we cannot answer you.' }).count()).toBe(1);
    expect(await message.inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe('');
    expect(ownErrors(watch.errors)).toEqual([]);
    await context.close();
  });

  it('shows the message to the owner at /admin/messages/ with the token, as text, and lets them mark and erase', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.server.url}/admin/`);
    await page.getByRole('link', { name: 'private messages' }).click();
    await page.waitForURL(`${site.server.url}/admin/messages/`);
    await page.getByRole('button', { name: 'Open messages' }).and(page.locator(':not([disabled])')).waitFor(POLL);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Open messages' }).click();
    const item = page.getByRole('article', { name: 'Message from Robin' });
    await item.waitFor(POLL);
    expect(await item.locator('.comment-body').innerText()).toBe(HOSTILE);
    expect(await item.locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('owned');
    expect(await item.innerText()).toContain('No reply address: this person cannot be answered.');
    expect(await item.innerText()).toContain('Unread');
    await expectAccessible(page, '/admin/messages/ with a message');

    await item.getByRole('button', { name: 'Mark read the message from Robin' }).click();
    await page.getByRole('status').filter({ hasText: 'marked read' }).waitFor(POLL);
    expect(await item.innerText()).not.toContain('Unread');

    // The token is kept for this tab: reloading opens the messages straight away.
    await page.reload();
    await item.waitFor(POLL);
    await item.getByRole('button', { name: 'Erase the message from Robin' }).click();
    await item.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByRole('status').filter({ hasText: 'erased' }).waitFor(POLL);
    expect(await page.getByRole('article', { name: 'Message from Robin' }).count()).toBe(0);
    expect(ownErrors(watch.errors)).toEqual([]);
    await context.close();
  });

  it('never shows a message on a public page or in a public API answer', async () => {
    const sent = await fetch(`${site.server.url}/api/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site.server.url },
      body: JSON.stringify({ text: SECRET, name: 'Robin', replyTo: 'robin@example.org' }),
    });
    expect(sent.status).toBe(201);
    expect(await sent.text()).not.toContain(SECRET);

    const publicPaths = everyPagePath().filter((path) => !path.startsWith('/admin/'));
    const threads = publicPaths.filter((path) => /^\/(steps|articles)\/[^/]+\/$/.test(path));
    expect(threads.length).toBeGreaterThan(9);
    const answers = [
      ...publicPaths.map((path) => `${site.server.url}${path}`),
      ...threads.map((path) => `${site.server.url}/api/comments?page=${encodeURIComponent(path)}`),
      `${site.server.url}/api/comments/counts?pages=${threads.join(',')}`,
      `${site.server.url}/api/contact`,
      `${site.server.url}/rss.xml`,
    ];
    for (const url of answers) {
      const text = await (await fetch(url)).text();
      expect(text, url).not.toContain(SECRET);
      expect(text, url).not.toContain('robin@example.org');
    }

    // And in the browser, with every island running: the contact page itself and a step with its comments loaded.
    const page = await site.browser.newPage();
    for (const path of ['/contact/', '/steps/take-time/', '/']) {
      await page.goto(`${site.server.url}${path}`);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(await page.content(), path).not.toContain(SECRET);
    }
    // The owner still has it: it was stored, just never published.
    const inbox = await fetch(`${site.server.url}/api/admin/contact`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(await inbox.text()).toContain(SECRET);
    await page.close();
  });

  it('says plainly that the form needs JavaScript when it is off, and cannot be sent', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/contact/`);
    expect(await page.locator('main noscript').textContent()).toMatch(/This form needs JavaScript to send your message\./);
    expect(await page.getByRole('button', { name: 'Send privately' }).isDisabled()).toBe(true);
    await page.getByLabel('Your name').fill('Robin');
    await page.getByLabel('Your name').press('Enter');
    expect(page.url()).toBe(`${site.server.url}/contact/`);
    await context.close();
  });
});
