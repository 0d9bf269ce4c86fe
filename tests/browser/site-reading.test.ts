import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { siteInChromium } from '../support/suite';

/** Keyboard, theme and the not-found page; axe, errors and 320 px on every page are checked by the crawl in every-page.test.ts. */
describe.skipIf(!hasChromium)('reading the guide in Chromium', () => {
  const site = siteInChromium();

  it('reaches the content with the skip link, then walks the step navigation by keyboard', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/steps/take-time/`);
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    await expect.poll(() => first.textContent()).toContain('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // From the top, Tab reaches the current step in the step navigation.
    await page.goto(`${site.server.url}/steps/take-time/`);
    let onCurrentStep = false;
    for (let presses = 0; presses < 40 && !onCurrentStep; presses += 1) {
      await page.keyboard.press('Tab');
      onCurrentStep = await page.evaluate(() => document.activeElement?.getAttribute('aria-current') === 'page' && !!document.activeElement.closest('.step-nav'));
    }
    expect(onCurrentStep).toBe(true);
    // The next Tab moves on to step 4, and Enter follows it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.server.url}/steps/how-they-feel/`);
    await page.close();
  });

  it('keeps a chosen theme across pages and reloads, with no flash of the other theme', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

    // The theme is on <html> before any stylesheet or module runs on the next page.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${site.server.url}/steps/casual-date/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 22, 26)');
    await page.unroute('**/_astro/*.js');

    await page.reload();
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.goto(`${site.server.url}/about/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(253, 252, 249)');
    await context.close();
  });

  it('follows the system theme until the reader chooses', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 22, 26)');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('serves the helpful 404 page for unknown paths', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.server.url}/steps/no-such-step/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toMatch(/couldn't find/i);
    expect(await page.locator('main a[href="/steps/understand-why/"]').count()).toBe(1);
    await page.close();
  });
});
