import { describe, expect, it } from 'vitest';
import { EXPIRED_ANNOUNCEMENT, resolveQuickExitUrl } from '../../src/lib/quick-exit';
import { axeViolations, describeViolations, hasChromium, watchPage, type BrowserContext, type Page } from '../support/browser';
import { builtPages } from '../support/site';
import { siteInChromium } from '../support/suite';

const STEP = '/steps/take-time/';
const NEUTRAL_PAGE = '<!doctype html><title>Weather</title><h1>Weather</h1>';

/** The destination every page was built with (QUICK_EXIT_URL at build time, the weather page by default). */
const exitSetting = resolveQuickExitUrl(process.env.QUICK_EXIT_URL);

describe('every built page', () => {
  it('has the exit as its second skip link and as a button, both plain links to the neutral page', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const skipLinks = page.document.querySelectorAll('body a.skip-link');
      expect(skipLinks.map((link) => link.text.trim()), page.path).toEqual(['Skip to content', 'Exit this page']);
      const exits = page.document.querySelectorAll('a[data-quick-exit]');
      expect(exits, page.path).toHaveLength(2);
      for (const link of exits) {
        expect(link.getAttribute('href'), page.path).toBe(exitSetting);
        expect(link.getAttribute('rel'), page.path).toContain('noreferrer');
      }
      expect(page.document.querySelector('.quick-exit-button')?.text.trim(), page.path).toBe('Exit this page');
      expect(page.document.querySelector('[data-quick-exit-status]')?.getAttribute('role'), page.path).toBe('status');
    }
  });
});

describe.skipIf(!hasChromium)('Exit this page in Chromium', () => {
  const site = siteInChromium();

  /** Where the exit goes, as the site.browser resolves it (a site path becomes a URL on the test server). */
  const exitUrl = () => new URL(exitSetting, site.server.url).href;

  /**
   * Answers the neutral page from the test itself (the network is closed, and no test may reach a real site).
   * The answer waits until `release()`, so a test can look at the old page while the new one is on its way.
   */
  async function interceptExit(context: BrowserContext) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const requests: string[] = [];
    await context.route(
      (url) => url.href === exitUrl(),
      async (route) => {
        requests.push(route.request().url());
        await released;
        await route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL_PAGE });
      },
    );
    return { requests, release };
  }

  interface LeftPageState {
    bodyHidden: boolean;
    bodyDisplay: string;
    headingVisible: boolean;
    title: string;
  }

  /**
   * Reports what the reader can see of the page the moment it is hidden. Playwright cannot evaluate in a page
   * whose navigation is pending, so the page reports itself, from a MutationObserver, over the console.
   */
  async function reportWhenHidden(page: Page): Promise<LeftPageState[]> {
    const states: LeftPageState[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('left-page-state ')) states.push(JSON.parse(message.text().slice('left-page-state '.length)));
    });
    await page.evaluate(() => {
      new MutationObserver(() => {
        const state = {
          bodyHidden: document.body.hidden,
          bodyDisplay: getComputedStyle(document.body).display,
          headingVisible: !!document.querySelector('h1')?.checkVisibility(),
          title: document.title,
        };
        console.log(`left-page-state ${JSON.stringify(state)}`);
      }).observe(document.body, { attributes: true, attributeFilter: ['hidden'] });
    });
    return states;
  }

  /**
   * Runs the action that leaves the page and checks the page hid itself before the neutral one arrived.
   * Playwright's click and key presses wait for the navigation they start, which is held back meanwhile.
   */
  async function expectHiddenThenNeutral(page: Page, exit: Awaited<ReturnType<typeof interceptExit>>, historyLength: number, leave: () => Promise<void>) {
    const states = await reportWhenHidden(page);
    const left = leave();
    await expect.poll(() => exit.requests.length).toBe(1);
    await expect.poll(() => states.length).toBe(1);
    // The neutral page has not arrived yet: this page already shows nothing, not even its title.
    expect(states[0]).toEqual({ bodyHidden: true, bodyDisplay: 'none', headingVisible: false, title: 'Loading' });
    exit.release();
    await left;
    await page.waitForURL(exitUrl());
    expect(await page.locator('h1').textContent()).toBe('Weather');
    // location.replace: the left page's history entry became the neutral page, none was added.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  }

  it('hides the page at once with the button, and Back does not bring it back', async () => {
    const context = await site.browser.newContext();
    const exit = await interceptExit(context);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${site.server.url}/about/`);
    await page.goto(`${site.server.url}${STEP}`);
    const stepHeading = await page.locator('h1').textContent();
    const historyLength = await page.evaluate(() => history.length);

    const button = page.locator('.quick-exit-button');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect((await button.boundingBox())!.y).toBeLessThan(100);
    await expectHiddenThenNeutral(page, exit, historyLength, () => button.click());

    // Back goes to the page before the one that was left; forward returns to the neutral page.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/about/');
    expect(await page.locator('h1').textContent()).not.toBe(stepHeading);
    expect(await page.content()).not.toContain(stepHeading!);
    await page.goForward();
    expect(page.url()).toBe(exitUrl());
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('stays sticky at the top while the reader scrolls', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 700 } });
    await page.goto(`${site.server.url}${STEP}`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const box = (await page.locator('.quick-exit-button').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(60);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('is the second skip link: Tab, Tab, Enter leaves the page', async () => {
    const context = await site.browser.newContext();
    const exit = await interceptExit(context);
    const page = await context.newPage();
    await page.goto(`${site.server.url}${STEP}`);
    const historyLength = await page.evaluate(() => history.length);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Exit this page');
    expect(await focused.getAttribute('class')).toContain('skip-link');
    // Shown on focus, inside the viewport.
    const box = (await focused.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(50);
    await expectHiddenThenNeutral(page, exit, historyLength, () => page.keyboard.press('Enter'));
    await context.close();
  });

  it('leaves on Shift pressed three times within five seconds, announcing each press', async () => {
    const context = await site.browser.newContext();
    const exit = await interceptExit(context);
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-03-01T09:00:00Z') });
    await page.goto(`${site.server.url}${STEP}`);
    // Time now moves only when the test says so.
    await page.clock.pauseAt(new Date('2026-03-01T09:00:10Z'));
    const historyLength = await page.evaluate(() => history.length);
    const status = page.locator('[data-quick-exit-status]');
    const indicator = page.locator('[data-quick-exit-indicator]');
    expect(await status.getAttribute('role')).toBe('status');
    const button = page.locator('.quick-exit-button');
    expect(await button.getAttribute('aria-describedby')).toBe('quick-exit-hint');
    expect(await page.locator('#quick-exit-hint').textContent()).toBe('Or press Shift 3 times.');

    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toBe('Shift, press 2 more times to exit.');
    expect(await indicator.getAttribute('data-presses')).toBe('1');
    await page.clock.runFor(2000);
    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toBe('Shift, press 1 more time to exit.');
    expect(await indicator.getAttribute('data-presses')).toBe('2');

    // Five seconds after the first press the window closes, and says so.
    await page.clock.runFor(3000);
    await expect.poll(() => status.textContent()).toBe(EXPIRED_ANNOUNCEMENT);
    expect(await indicator.getAttribute('data-presses')).toBe('0');
    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toBe('Shift, press 2 more times to exit.');

    // Another key in between starts over.
    await page.keyboard.press('a');
    await expect.poll(() => status.textContent()).toBe('');
    // Typing a capital letter is not a press of Shift.
    await page.keyboard.press('Shift+A');
    expect(await status.textContent()).toBe('');
    expect(exit.requests).toEqual([]);

    await page.keyboard.press('Shift');
    await page.clock.runFor(2000);
    await page.keyboard.press('Shift');
    await page.clock.runFor(2999);
    await expectHiddenThenNeutral(page, exit, historyLength, () => page.keyboard.press('Shift'));
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`is a clear, high-contrast control in the ${colorScheme} theme`, async () => {
      const page = await site.browser.newPage({ colorScheme });
      await page.goto(`${site.server.url}${STEP}`);
      const colours = await page.locator('.quick-exit-button').evaluate((button) => {
        const style = getComputedStyle(button);
        return { background: style.backgroundColor, text: style.color, weight: Number(style.fontWeight) };
      });
      expect(colours.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(colours.weight).toBeGreaterThanOrEqual(700);
      // axe's contrast and name checks, on the exit controls only (other parts of the page have their own tests).
      const violations = (await axeViolations(page)).filter((violation) =>
        violation.nodes.some((node) => node.html.includes('data-quick-exit')),
      );
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.close();
    });
  }
});
