import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, watchPage, type Page } from '../support/browser';
import { siteInChromium } from '../support/suite';

/** expect.poll with room for a loaded machine: opening search loads code and index on demand. */
const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(read, { timeout: 10_000, ...options });

const canonicalOf = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href');

/** Makes sure the page sees no Web Share API, whatever this Chromium build offers. */
const withoutWebShare = () => {
  Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
  Object.defineProperty(Navigator.prototype, 'canShare', { value: undefined, configurable: true });
};

/** A Web Share API that records what it was asked to share. */
const withRecordingWebShare = () => {
  const shared: ShareData[] = [];
  (window as unknown as { shared: ShareData[] }).shared = shared;
  Object.defineProperty(Navigator.prototype, 'canShare', { value: () => true, configurable: true });
  Object.defineProperty(Navigator.prototype, 'share', { value: async (data: ShareData) => void shared.push(data), configurable: true });
};

describe.skipIf(!hasChromium)('share controls', () => {
  const site = siteInChromium();

  it.each([['/steps/take-time/'], ['/articles/no-contact/'], ['/steps/take-time/result/too-soon/']])(
    'on %s, "Copy link" puts the canonical URL on the clipboard and says so',
    async (path) => {
      const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
      await context.addInitScript(withoutWebShare);
      const page = await context.newPage();
      const watch = watchPage(page);
      // Arrive the way a search result does, with a query the shared link must not carry.
      await page.goto(`${site.server.url}${path}?pagefind-highlight=month`);
      const share = page.locator('.share');
      await share.scrollIntoViewIfNeeded();
      const copy = share.getByRole('button', { name: 'Copy link' });
      await copy.click();
      const canonical = await canonicalOf(page);
      expect(canonical).toMatch(/^https?:\/\/[^?#]+\/$/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
      const status = share.locator('[role="status"]');
      await poll(() => status.textContent()).toMatch(/Link copied/);
      expect(await status.isVisible()).toBe(true);
      expect(watch.errors).toEqual([]);
      await context.close();
    },
  );

  it('uses the Web Share API where the site.browser can share, with the page title, site name and canonical URL', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(withRecordingWebShare);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/steps/take-time/`);
    const share = page.locator('.share');
    await share.scrollIntoViewIfNeeded();
    await share.getByRole('button', { name: 'Share…' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([{ title: 'Take time apart first · Back Together', text: 'Take time apart first · Back Together', url: await canonicalOf(page) }]);
    await context.close();
  });

  it('offers plain email and messenger links, even with JavaScript off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/steps/take-time/`);
    const links = await page.locator('.share a').evaluateAll((anchors: HTMLAnchorElement[]) => anchors.map((anchor) => anchor.href));
    expect(links.map((href) => href.split(/[:?]/)[0])).toEqual(['mailto', 'https', 'https', 'sms']);
    // Without JavaScript there is no clipboard: the copy button stays out of the way.
    expect(await page.locator('.share button').isVisible()).toBe(false);
    await context.close();
  });

  it('shows a section link when it has focus, pointing at the canonical URL with the fragment', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/steps/take-time/`);
    const anchor = page.locator('.prose .heading-anchor').first();
    expect(await anchor.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
    await anchor.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await poll(() => anchor.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    const id = await page.locator('.prose .heading-wrapper').first().locator('h2, h3').getAttribute('id');
    expect(await anchor.getAttribute('href')).toBe(`${await canonicalOf(page)}#${id}`);
    // Its name says which section it links to; the heading's own name stays just the heading.
    expect(await anchor.textContent()).toMatch(/Link to the section “.+”/);
    await page.close();
  });

  it('passes axe on a shared result page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/before-you-start/result/ready/`);
    await page.locator('.share').scrollIntoViewIfNeeded();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });
});
