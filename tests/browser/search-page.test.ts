import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, layoutShiftTotal, recordLayoutShifts, watchPage, type Page } from '../support/browser';
import { measureFirstSearch } from '../support/search-bytes';
import { siteInChromium } from '../support/suite';

/** Bytes on the wire from /pagefind/ for a first one-word search (engine, index chunk, five results' fragments). */
const firstSearchBudget = 90 * 1024;

/** expect.poll with room for a loaded machine: opening search loads code and index on demand. */
const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(read, { timeout: 10_000, ...options });

const statusText = (page: Page) => page.locator('main [role="status"].search-status').textContent();
const resultPaths = (page: Page) =>
  page.locator('main .search-result-link').evaluateAll((links: HTMLAnchorElement[]) => links.map((link) => new URL(link.href).pathname));

describe.skipIf(!hasChromium)('the /search/ page', () => {
  const site = siteInChromium();

  it('runs the query in its link: /search/?q=counselling', async () => {
    const page = await site.browser.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.server.url}/search/?q=counselling`);
    await poll(() => statusText(page)).toMatch(/^\d+ results? for “counselling”$/);
    expect(await page.locator('main input[type="search"]').inputValue()).toBe('counselling');
    expect(await resultPaths(page)).toContain('/steps/couples-counselling/');
    // Result links carry the words to highlight on arrival.
    expect(await page.locator('main .search-result-link').first().getAttribute('href')).toMatch(/[?&]pagefind-highlight=counselling/);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('searches in a web worker: Pagefind and its index never load on the page itself', async () => {
    const page = await site.browser.newPage();
    const worker = page.waitForEvent('worker');
    await page.goto(`${site.server.url}/search/?q=counselling`);
    expect(new URL((await worker).url()).pathname).toMatch(/^\/_astro\/search-worker-[\w-]+\.js$/);
    await poll(() => statusText(page)).toMatch(/^\d+ results? for “counselling”$/);
    // The page's resource timeline lists what the document fetched; a worker's fetches are in the worker's own.
    const fetchedByPage = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/pagefind/')),
    );
    expect(fetchedByPage).toEqual([]);
    await page.close();
  });

  it('does not shift as the form and results arrive: the footer stays put', async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    await recordLayoutShifts(context);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/search/?q=counselling`);
    await poll(() => statusText(page)).toMatch(/^\d+ results? for “counselling”$/);
    expect(await layoutShiftTotal(page)).toBeLessThan(0.01);
    await context.close();
  });

  it('downloads at most 90 KB from /pagefind/ for a first search, compressed, and only the shown results', async () => {
    const search = await measureFirstSearch(site.browser, site.server.url, 'counselling');
    const listing = search.files.map((file) => `${file.path} ${file.wire} (${file.encoding})`).join('\n');
    expect(search.wire, listing).toBeLessThanOrEqual(firstSearchBudget);
    // The engine and the index are sent as the server's brotli copies, not as Pagefind's own gzip.
    for (const file of search.files.filter((file) => /\.(pagefind|pf_index)$/.test(file.path))) expect(file.encoding, file.path).toBe('br');
    expect(search.files.filter((file) => file.path.includes('/index/')).length, listing).toBe(1);
    expect(search.files.filter((file) => file.path.includes('/fragment/')).length, listing).toBe(search.shown);
  });

  it('keeps the words out of the address and the history, by default and from a shared link', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/`);
    const before = await page.evaluate(() => history.length);
    await page.locator('main input[type="search"]').fill('apologise');
    await poll(() => statusText(page)).toMatch(/results? for “apologise”/);
    await page.getByRole('radio', { name: 'Articles' }).check();
    await poll(() => resultPaths(page)).toSatisfy((paths: string[]) => paths.length > 0 && paths.every((path) => path.startsWith('/articles/')));
    expect(await page.evaluate(() => ({ address: location.pathname + location.search, entries: history.length }))).toEqual({
      address: '/search/',
      entries: before,
    });
    // A shared link still runs its search, then leaves only /search/ in the address and in its history entry.
    await page.goto(`${site.server.url}/search/?q=apologise&kind=article`);
    await poll(() => statusText(page)).toMatch(/results? for “apologise”/);
    expect(await page.getByRole('radio', { name: 'Articles' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/search/');
    await page.goBack();
    await page.goForward();
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/search/');
    await page.close();
  });

  it('opens the first result with Enter in the field', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/?q=counselling`);
    await poll(() => statusText(page)).toMatch(/results? for/);
    const first = new URL((await page.locator('main .search-result-link').first().getAttribute('href'))!, site.server.url).pathname;
    await page.locator('main input[type="search"]').focus();
    await Promise.all([page.waitForURL((url) => url.pathname === first), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('focuses its own field for "/" instead of opening the dialog', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/`);
    await page.locator('main input[type="search"]').waitFor();
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await poll(() => page.evaluate(() => document.activeElement?.matches('main input[type="search"]'))).toBe(true);
    expect(await page.locator('dialog.search-dialog').count()).toBe(0);
    await page.close();
  });

  it('says search needs JavaScript, and links the steps, when JavaScript is off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/search/?q=counselling`);
    const main = page.locator('main');
    expect(await main.textContent()).toMatch(/Search needs JavaScript/);
    expect(await main.locator('a[href="/#steps-title"]').count()).toBe(1);
    expect(await main.locator('input').count()).toBe(0);
    await context.close();
  });

  it('says plainly when the index cannot load, and offers the steps instead', async () => {
    const page = await site.browser.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${site.server.url}/search/?q=counselling`);
    await poll(() => statusText(page)).toMatch(/Search isn’t available right now/);
    expect(await page.locator('main a[href="/#steps-title"]').count()).toBe(1);
    await page.close();
  });

  it('passes axe with results showing', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/?q=month`);
    await poll(() => statusText(page)).toMatch(/results? for/);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });
});
