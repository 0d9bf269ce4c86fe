import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFLINE_NOTE } from '../../src/browser/comments/thread';
import { offlineCachePrefix, offlineCopyDelayMs } from '../../src/lib/offline';
import { hasChromium, watchPage, type BrowserContext, type Page } from '../support/browser';
import { clientDir } from '../support/paths';
import { hydrated } from '../support/reader';
import { siteInChromium } from '../support/suite';

/** The build's version, as written into /sw.js. */
const builtVersion = /Build ([0-9a-f]+);/.exec(readFileSync(join(clientDir, 'sw.js'), 'utf8'))![1]!;

/** Every cache of the page's origin, with the paths each holds. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      result[name] = requests.map((request) => new URL(request.url).pathname);
    }
    return result;
  });
}

/**
 * Opens a page, lets the seconds pass after which the page registers the offline worker (on the page's own clock, so
 * no test waits them out), and waits until the worker has installed and taken over (it activates once installed).
 */
async function openWithOfflineCopy(context: BrowserContext, url: string): Promise<Page> {
  await context.clock.install();
  const page = await context.newPage();
  await page.goto(url);
  await context.clock.fastForward(offlineCopyDelayMs);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.active?.state))).toBe('activated');
  return page;
}

describe.skipIf(!hasChromium)('reading offline', () => {
  const site = siteInChromium();

  it('serves /sw.js from the root as JavaScript, with a CSP that lets it fetch only its own site', async () => {
    const response = await fetch(`${site.server.url}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await response.text()).toContain(`Build ${builtVersion};`);
  });

  it('reads the guide without a connection, says plainly that comments need one, and caches no answers', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'allow' });
    // An older build's cache, as a reader who visited before this build would have: the new worker deletes it.
    // (Not on the browser's own error page for a failed load, which has no caches.)
    await context.addInitScript(() => 'caches' in globalThis && void caches.open('back-together-offline-0000000000000000'));
    const page = await openWithOfflineCopy(context, `${site.server.url}/`);
    const watch = watchPage(page);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`${offlineCachePrefix}${builtVersion}`]);
    const cached = (await cachedPaths(page))[`${offlineCachePrefix}${builtVersion}`]!;
    expect(cached).toEqual(expect.arrayContaining(['/', '/before-you-start/', '/steps/take-time/', '/steps/couples-counselling/', '/if-it-doesnt-work-out/']));
    expect(cached.filter((path) => path.startsWith('/_astro/')).length).toBeGreaterThan(5);
    expect(cached.filter((path) => /^\/quizzes\/take-time\.[\w-]+\.json$/.test(path))).toHaveLength(1);

    // An article read while online joins the copy.
    await page.goto(`${site.server.url}/articles/no-contact/`);
    await expect.poll(async () => (await cachedPaths(page))[`${offlineCachePrefix}${builtVersion}`]).toContain('/articles/no-contact/');

    await context.setOffline(true);
    await page.goto(`${site.server.url}/steps/take-time/`);
    expect(await page.locator('h1').textContent()).toBe('Take time apart first');
    // Styled and working: the stylesheet and the islands came from the cache too.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.quick-exit-button')!).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // The site script ("mark this step done" turns on), and the quiz's script and data (it starts only with both).
    await page.locator('#step-done-take-time:enabled').waitFor();
    await hydrated(page, 'Quiz');
    await page.locator('[aria-labelledby="comments-heading"]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.comments-offline').textContent()).toBe(OFFLINE_NOTE);

    await page.goto(`${site.server.url}/articles/no-contact/`);
    expect(await page.locator('h1').textContent()).toContain('No contact');
    // A page that was never opened is not there, and the browser says so.
    const unopened = await context.newPage();
    await expect(unopened.goto(`${site.server.url}/articles/how-to-apologise/`)).rejects.toThrow(/net::ERR_/);
    await unopened.close();

    // Back online, the comments load by themselves and the note goes.
    await page.goto(`${site.server.url}/steps/take-time/`);
    await page.locator('[aria-labelledby="comments-heading"]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.comments-offline').count()).toBe(1);
    await context.setOffline(false);
    await expect.poll(() => page.locator('.comments-offline').count()).toBe(0);
    await expect.poll(() => page.locator('.comments-note', { hasText: 'No comments yet.' }).count()).toBe(1);
    const everything = Object.values(await cachedPaths(page)).flat();
    expect(everything.filter((path) => path.startsWith('/api/') || path.startsWith('/admin') || path.startsWith('/pagefind/'))).toEqual([]);
    expect(watch.errors.filter((error) => !error.includes('net::ERR_INTERNET_DISCONNECTED') && !error.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('"Delete everything" removes the caches and the worker, and this tab registers no new one', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'allow' });
    const page = await openWithOfflineCopy(context, `${site.server.url}/progress/`);
    await expect.poll(async () => (await page.evaluate(() => caches.keys())).length).toBe(1);
    await hydrated(page, 'ProgressDashboard');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => page.locator('.progress p[role="status"]').textContent()).toContain('the copy of the guide kept for reading offline');
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((list) => list.length))).toBe(0);

    // Reading on in the same tab does not bring the copy straight back, however long the reader stays.
    await page.goto(`${site.server.url}/steps/take-time/`);
    await page.waitForLoadState('load');
    await context.clock.fastForward(offlineCopyDelayMs);
    await page.goto(`${site.server.url}/`);
    await page.waitForLoadState('load');
    await context.clock.fastForward(offlineCopyDelayMs);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((list) => list.length))).toBe(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    await context.close();
  });

  it('still leaves at once with "Exit this page" when the worker controls the page', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'allow' });
    const page = await openWithOfflineCopy(context, `${site.server.url}/`);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const exitUrl = new URL((await page.locator('.quick-exit-button').getAttribute('href'))!, site.server.url).href;
    await context.route((url) => url.href === exitUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }));
    await page.locator('.quick-exit-button').click();
    await page.waitForURL(exitUrl);
    expect(await page.locator('h1').textContent()).toBe('Weather');
    await context.close();
  });
});
