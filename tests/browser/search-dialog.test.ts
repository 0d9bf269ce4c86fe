import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, watchPage, type Page } from '../support/browser';
import { indexedPages, wordsOnlyOn } from '../support/search-index';
import { siteInChromium } from '../support/suite';

/** expect.poll with room for a loaded machine: opening search loads code and index on demand. */
const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(read, { timeout: 10_000, ...options });

// Three steps, each searched for by a word that occurs on that step's page and nowhere else in the index.
const pages = hasChromium ? indexedPages() : [];
const cases = ['/steps/take-time/', '/steps/deeper-conversation/', '/steps/couples-counselling/'].map((path) => ({
  path,
  word: hasChromium ? wordsOnlyOn(path, pages, 1)[0]! : '',
}));

const dialog = (page: Page) => page.locator('dialog.search-dialog');
const field = (page: Page) => dialog(page).locator('input[type="search"]');
const statusText = (page: Page) => dialog(page).locator('[role="status"].search-status').textContent();

/** Presses ↓ until a result link to `path` has focus; returns how many presses it took. */
async function arrowDownTo(page: Page, path: string): Promise<number> {
  for (let presses = 1; presses <= 30; presses += 1) {
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
    if (focused && new URL(focused).pathname === path && !new URL(focused).hash) return presses;
  }
  throw new Error(`no result for ${path} reachable with ↓`);
}

describe.skipIf(!hasChromium)('the header search dialog', () => {
  const site = siteInChromium();

  it('downloads nothing from /pagefind/ on a page where search is never opened', async () => {
    const page = await site.browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.server.url}/steps/take-time/`, { waitUntil: 'networkidle' });
    // Scroll to the end so every client:visible island hydrates, then tab through a little.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    expect(requested.some((path) => path.includes('SearchDialog') || /\/Search\.[\w-]+\.js$/.test(path))).toBe(false);
    await page.close();
  });

  it.each(cases.map((entry) => [entry.path, entry.word]))(
    'finds %s by a word only it uses ("%s"), opens it with ↓ and Enter, and highlights the word there',
    async (path, word) => {
      expect(word, 'a word unique to the step').toBeTruthy();
      const page = await site.browser.newPage();
      const watch = watchPage(page);
      await page.goto(`${site.server.url}/about/`);
      await page.keyboard.press('/');
      await poll(() => dialog(page).evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
      await poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      await page.keyboard.type(word);
      await poll(() => statusText(page)).toMatch(new RegExp(`^\\d+ results? for “${word}”$`));
      const resultPaths = await dialog(page)
        .locator('.search-result-link')
        .evaluateAll((links: HTMLAnchorElement[]) => links.map((link) => new URL(link.href).pathname));
      expect(resultPaths).toContain(path);

      await arrowDownTo(page, path);
      await Promise.all([page.waitForURL((url) => url.pathname === path), page.keyboard.press('Enter')]);
      const marked = page.locator('mark.pagefind-highlight');
      await poll(() => marked.count()).toBeGreaterThan(0);
      expect((await marked.first().textContent())?.toLowerCase()).toContain(word);
      // Highlights only inside the indexed article, and the address loses the highlight parameter.
      expect(await page.locator('[data-pagefind-body] mark.pagefind-highlight').count()).toBe(await marked.count());
      await poll(() => page.evaluate(() => location.search)).toBe('');
      expect(watch.errors).toEqual([]);
      await page.close();
    },
  );

  it('opens with Ctrl+K and the header button, announces the count, and Escape returns focus', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/steps/take-time/`);
    await page.keyboard.press('Control+k');
    await poll(() => dialog(page).evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
    expect(await dialog(page).getAttribute('aria-labelledby')).toBe('search-dialog-title');
    await field(page).fill('month');
    await poll(() => statusText(page)).toMatch(/^\d+ results? for “month”$/);
    // Results show a "Step n ·" line, an excerpt with the match marked, and sections of the page.
    const firstStep = dialog(page).locator('.search-result', { has: page.locator('.search-result-kicker') }).first();
    expect(await firstStep.locator('.search-result-kicker').textContent()).toMatch(/^Step \d ·/);
    expect((await dialog(page).locator('.search-result-excerpt mark').first().textContent())?.toLowerCase()).toContain('month');
    expect(await dialog(page).locator('.search-subresult-link').count()).toBeGreaterThan(0);
    expect(await dialog(page).locator('.search-subresult-link').first().getAttribute('href')).toMatch(/#[\w-]+$/);
    await page.keyboard.press('Escape');
    await poll(() => dialog(page).evaluate((element: HTMLDialogElement) => element.open)).toBe(false);

    const button = page.locator('header a[data-search-open]');
    await button.focus();
    await page.keyboard.press('Enter');
    await poll(() => dialog(page).evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
    // The last search is still there, ready to refine.
    expect(await field(page).inputValue()).toBe('month');
    await page.keyboard.press('Escape');
    await poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    await page.close();
  });

  it('filters by kind and keeps ↑ back to the field', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    await page.keyboard.press('/');
    await field(page).fill('apologise');
    const shownPaths = () => dialog(page).locator('.search-result-link').evaluateAll((links: HTMLAnchorElement[]) => links.map((link) => new URL(link.href).pathname));
    // Everything: steps and articles both use the word.
    await poll(async () => (await shownPaths()).some((path) => path.startsWith('/steps/'))).toBe(true);
    await dialog(page).getByRole('radio', { name: 'Articles' }).check();
    await poll(async () => {
      const paths = await shownPaths();
      return paths.length > 0 && paths.every((path) => path.startsWith('/articles/'));
    }).toBe(true);
    await field(page).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-result-link'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe with the dialog open and showing results (${colorScheme})`, async () => {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${site.server.url}/steps/take-time/`);
      await page.keyboard.press('/');
      await field(page).fill('counselling');
      await poll(() => statusText(page)).toMatch(/results? for/);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    });
  }
});
