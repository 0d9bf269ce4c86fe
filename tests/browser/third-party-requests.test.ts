/**
 * No page asks any other host for anything: no fonts, scripts, images, analytics or embeds. The quick-exit
 * destination is the one deliberate exception, and only when the reader exits.
 */
import { describe, expect, it } from 'vitest';
import { resolveQuickExitUrl } from '../../src/lib/quick-exit';
import { hasChromium, type BrowserContext } from '../support/browser';
import { hydrateAllIslands } from '../support/islands';
import { everyPagePath } from '../support/sitemap';
import { siteInChromium } from '../support/suite';


describe.skipIf(!hasChromium)('requests to other hosts', () => {
  const site = siteInChromium();

  /** A context that records every http(s) request to another origin, and answers it locally (the network is closed). */
  async function recordingContext(): Promise<{ context: BrowserContext; foreign: string[] }> {
    const context = await site.browser.newContext();
    const foreign: string[] = [];
    const isForeign = (url: URL) => /^https?:$/.test(url.protocol) && url.origin !== site.server.url;
    context.on('request', (request) => {
      if (isForeign(new URL(request.url()))) foreign.push(request.url());
    });
    await context.route(isForeign, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>' }),
    );
    return { context, foreign };
  }

  it('are never made by any page of the sitemap (or left out of it), with every island running', async () => {
    const { context, foreign } = await recordingContext();
    const page = await context.newPage();
    const paths = [...everyPagePath(), '/search/?q=month', '/no-such-page/'];
    expect(paths.length).toBeGreaterThan(10);
    const byPage: string[] = [];
    for (const path of paths) {
      const before = foreign.length;
      await page.goto(`${site.server.url}${path}`);
      await hydrateAllIslands(page);
      byPage.push(...foreign.slice(before).map((url) => `${path} → ${url}`));
    }
    expect(byPage).toEqual([]);
    await context.close();
  }, 300_000); // every built page with its islands running: well over the default minute

  it('go to the quick-exit destination only when the reader exits', async () => {
    const { context, foreign } = await recordingContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/steps/take-time/`);
    await hydrateAllIslands(page);
    expect(foreign).toEqual([]);
    await page.locator('.quick-exit-button').click();
    const destination = new URL(resolveQuickExitUrl(process.env.QUICK_EXIT_URL), site.server.url).href;
    await page.waitForURL(destination);
    // A same-origin destination is no request to another host at all.
    expect(foreign).toEqual(new URL(destination).origin === site.server.url ? [] : [destination]);
    await context.close();
  });
});
