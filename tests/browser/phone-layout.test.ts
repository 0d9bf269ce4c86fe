import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, watchPage, type Page } from '../support/browser';
import { siteInChromium } from '../support/suite';

/** Common phone and tablet screens, CSS pixels. */
const screens = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 768, height: 1024 },
];
/** A step, a page with the readiness check, the way out and an article: the guide's kinds of page. */
const guidePages = ['/steps/take-time/', '/steps/understand-why/', '/before-you-start/', '/if-it-doesnt-work-out/', '/articles/no-contact/'];
const maxHeaderHeight = 120;

const cases = screens.flatMap((screen) => guidePages.map((path) => [screen.width, path, screen] as const));

/** Where an element sits in the viewport, and whether it is what a tap at its centre would hit. */
function placeOf(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { top: box.top, bottom: box.bottom, height: box.height, tappable: !!hit && (hit === element || element.contains(hit)) };
  });
}

describe.skipIf(!hasChromium)('reading on a phone', () => {
  const site = siteInChromium();

  it.each(cases)('at %i px, %s opens on its title and first words, under a short header', async (_width, path, screen) => {
    const page = await site.browser.newPage({ viewport: screen });
    const watch = watchPage(page);
    await page.goto(`${site.server.url}${path}`);
    const header = await placeOf(page, '.site-header');
    expect(header.bottom).toBeLessThanOrEqual(maxHeaderHeight);

    const title = await placeOf(page, 'main h1');
    expect(title.top).toBeGreaterThanOrEqual(0);
    expect(title.bottom).toBeLessThanOrEqual(screen.height);
    // At least two lines of the first paragraph are on the first screen.
    const opening = await placeOf(page, 'main .prose > p');
    expect(opening.top + 2 * 28).toBeLessThanOrEqual(screen.height);

    // The navigation is one closed control: none of its links take room until the reader opens it.
    expect(await page.locator('.step-nav a').first().isVisible()).toBe(false);
    expect(await page.locator('.site-menu nav a').first().isVisible()).toBe(false);
    expect(await page.locator('.step-nav summary').isVisible()).toBe(true);
    expect(await page.locator('.menu-button').isVisible()).toBe(true);
    // Search and the theme switch stay in the header.
    for (const control of ['.search-button', '[data-theme-toggle]']) {
      const place = await placeOf(page, control);
      expect(place.bottom, control).toBeLessThanOrEqual(maxHeaderHeight);
      expect(place.tappable, control).toBe(true);
    }

    // The exit is in view and takes a tap at every scroll position.
    for (const share of [0, 0.5, 1]) {
      await page.evaluate((part) => window.scrollTo({ top: (document.documentElement.scrollHeight - innerHeight) * part, behavior: 'instant' }), share);
      const exit = await placeOf(page, '.quick-exit-button');
      expect(exit.top, `scrolled ${share}`).toBeGreaterThanOrEqual(0);
      expect(exit.bottom, `scrolled ${share}`).toBeLessThanOrEqual(screen.height);
      expect(exit.height).toBeGreaterThanOrEqual(44);
      expect(exit.tappable, `scrolled ${share}`).toBe(true);
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('opens the menu and the step list by keyboard, saves nothing, and starts closed on the next page', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(`${site.server.url}/steps/take-time/`);
    const menu = page.locator('.menu-button');
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.site-menu nav a', { hasText: 'Your progress' }).isVisible()).toBe(true);
    expect(await menu.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)).toBe(true);
    // The open menu lies over the page; the text does not move.
    const titleBefore = await placeOf(page, 'main h1');
    expect(titleBefore.top).toBeLessThan(320);

    const steps = page.locator('.step-nav summary');
    await steps.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.step-nav a[aria-current="page"]').isVisible()).toBe(true);
    expect(await steps.evaluate((summary) => summary.closest('nav')?.getAttribute('aria-labelledby'))).toBe('step-nav-title');
    expect(describeViolations(await axeViolations(page))).toBe('');

    // Nothing about the menus is stored: the only key is the record that this step was opened (the progress track).
    const saved = await page.evaluate(() => ({ local: Object.keys(localStorage), session: sessionStorage.length, cookies: document.cookie }));
    expect(saved).toEqual({ local: ['back-together:read'], session: 0, cookies: '' });
    await page.locator('.step-nav a', { hasText: 'How your ex feels' }).click();
    await page.waitForURL(`${site.server.url}/steps/how-they-feel/`);
    expect(await page.locator('.step-nav a').first().isVisible()).toBe(false);
    expect(await page.locator('.site-menu nav a').first().isVisible()).toBe(false);
    await page.close();
  });

  it('shows the navigation as before on a wide screen, with no menu control', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.server.url}/steps/take-time/`);
    expect(await page.locator('.menu-button').isVisible()).toBe(false);
    expect(await page.locator('.step-nav summary').isVisible()).toBe(false);
    expect(await page.locator('.site-menu nav a', { hasText: 'Articles' }).isVisible()).toBe(true);
    expect(await page.locator('.step-nav a[aria-current="page"]').isVisible()).toBe(true);
    expect(await page.locator('.step-nav .fold-title').isVisible()).toBe(true);
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.close();
  });
});
