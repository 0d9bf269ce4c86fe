/**
 * An XSS corpus posted through the API and rendered by the comment thread and the admin queue in Chromium:
 * nothing runs, no element but the thread's own p, br and a appears, and every character shows as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, watchPage, type Browser, type Page } from '../support/browser.ts';
import { clientAddressFor, createComment } from '../support/comments-http.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/** Hydration and requests take their time on a busy machine: wait for outcomes, not for a fixed delay. */
const POLL = { timeout: 20_000 };

/**
 * Console errors that are the page's and not the comments': the site-wide style CSP is the layout's business,
 * tested by the site tests. Everything else (exceptions, failed scripts, other violations) still counts.
 */
const ownErrors = (errors: string[]) => errors.filter((error) => !/Content Security Policy directive 'style-src/.test(error));

const PAGE = '/articles/how-to-apologise/';
const ADMIN_TOKEN = 'xss-admin-token-0123456789abcdef';
const RAN = "window.__ran.push('x')";

export const XSS_CORPUS: readonly string[] = [
  `<script>${RAN}</script>`,
  `<img src=x onerror="${RAN}">`,
  `<svg onload="${RAN}"><circle r=10 /></svg>`,
  `<svg><script>${RAN}</script></svg>`,
  `javascript:${RAN}`,
  `&#106;avascript:${RAN}`,
  '&#x6A;avascript&#x3A;alert(1)',
  `<a href="javascript:${RAN}">click</a>`,
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  `https://example.com/"onmouseover="${RAN}"`,
  "https://example.com/'onfocus='alert(1)' autofocus x='",
  'https://example.com/<script>alert(1)</script>',
  `"><script>${RAN}</script>`,
  `</p></div></section><script>${RAN}</script>`,
  `<iframe src="javascript:${RAN}"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RAN}">`,
  `<!--<img src="--><img src=x onerror="${RAN}"//">`,
  "<style>@import 'http://evil.example/x.css';</style>",
  `<div style="background:url(javascript:${RAN})">`,
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  `<scr<script>ipt>${RAN}</scr</script>ipt>`,
  `<body onload="${RAN}">`,
  `<input autofocus onfocus="${RAN}">`,
  `<details open ontoggle="${RAN}">`,
  `\u202E<script>${RAN}</script>`,
  'http://javascript:alert(1)',
  'Line one <b>bold?</b>\n\nhttps://example.com/path?q=<x>&y="z"\nlast line',
  `[click](javascript:${RAN})`,
  `<a href=https://example.com onclick="${RAN}">ok</a>`,
  `<object data="data:text/html,<script>${RAN}</script>"></object>`,
  '<div><p><b><i>unclosed',
  `<<script>${RAN};//<</script>`,
  'JaVaScRiPt:alert(1) and vbscript:msgbox(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

/** What a reader sees of a text: every character, with line breaks folded away. */
function visibleText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .join('');
}

/** Everything inside the rendered comment bodies that is not the thread's own inert markup. */
async function intruders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const body of document.querySelectorAll('.comment-body')) {
      for (const element of body.querySelectorAll('*')) {
        const tag = element.tagName;
        const attributes = [...element.attributes].map((attribute) => attribute.name).sort();
        if (tag === 'P' || tag === 'BR') {
          if (attributes.length > 0) found.push(`${tag} with ${attributes.join(',')}`);
        } else if (tag === 'A') {
          const href = element.getAttribute('href') ?? '';
          if (attributes.join(',') !== 'href,rel') found.push(`A with ${attributes.join(',')}`);
          if (!/^https?:\/\//.test(href) || !['http:', 'https:'].includes(new URL(href).protocol)) found.push(`A to ${href}`);
          if (element.getAttribute('rel') !== 'nofollow ugc noopener noreferrer') found.push(`A rel ${element.getAttribute('rel')}`);
        } else {
          found.push(tag);
        }
      }
    }
    for (const element of document.querySelectorAll('.comments script, .comments iframe, .comments img, .comments svg, .comments object, .comments style, .admin-queue script, .admin-queue img, .admin-queue svg, .admin-queue iframe')) {
      found.push(`stray ${element.tagName}`);
    }
    return found;
  });
}

describe.skipIf(!hasChromium)('the XSS corpus in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const published: string[] = [];
  const pending: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ env: { DATABASE_URL: '', ADMIN_TOKEN, TRUST_PROXY: '1', COMMENTS_MODERATION: 'links' } }),
      launchBrowser(),
    ]);
    let client = 0;
    for (const text of XSS_CORPUS) {
      const { comment } = await createComment(server.url, { page: PAGE, text, name: `<b onmouseover="${RAN}">Mallory</b>` }, { forwardedFor: clientAddressFor((client += 1)) });
      // The API gives back exactly what was sent: no escaping, no stripping, no interpretation.
      expect(comment.text).toBe(text);
      (comment.status === 'published' ? published : pending).push(text);
    }
    expect(published.length).toBeGreaterThan(20);
    expect(pending.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function guardedPage(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const ran: string[] = [];
      Object.defineProperty(window, '__ran', { value: ran });
      for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
        Object.defineProperty(window, name, { value: () => ran.push(name) });
      }
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return { page, dialogs, errors: watchPage(page).errors };
  }

  it('renders every published comment as inert text for readers', async () => {
    const { page, dialogs, errors } = await guardedPage();
    await page.goto(`${server.url}${PAGE}`);
    await page.locator('#comments-heading').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.comment-body').count(), POLL).toBe(published.length);
    // Give any event handler that slipped through its chance to fire: hover and focus every element.
    for (const link of await page.locator('.comment-body a').all()) await link.hover();
    await page.keyboard.press('Tab');

    expect(await intruders(page)).toEqual([]);
    const shown = await page.locator('.comment-body').allTextContents();
    expect([...shown].sort()).toEqual(published.map(visibleText).sort());
    expect(new Set(await page.locator('.comment-author').allTextContents())).toEqual(new Set([`<b onmouseover="${RAN}">Mallory</b>`]));
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(ownErrors(errors)).toEqual([]);
  });

  it('renders the comments that wait for approval as inert text for the owner', async () => {
    const { page, dialogs, errors } = await guardedPage();
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Open queues' }).click();
    await expect.poll(() => page.locator('.comment-body').count(), POLL).toBe(pending.length);
    expect(await intruders(page)).toEqual([]);
    expect([...(await page.locator('.comment-body').allTextContents())].sort()).toEqual(pending.map(visibleText).sort());
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(ownErrors(errors)).toEqual([]);
  });
});
