/**
 * No page asks any other host for anything: no fonts, scripts, images, analytics or embeds (every page is checked by
 * the crawl in every-page.test.ts). The quick-exit destination is the one deliberate exception, and only when the
 * reader exits.
 */
import { describe, expect, it } from 'vitest';
import { resolveQuickExitUrl } from '../../src/lib/quick-exit';
import { hasChromium } from '../support/browser';
import { interceptForeignRequests } from '../support/crawl';
import { hydrateAllIslands } from '../support/islands';
import { siteInChromium } from '../support/suite';

describe.skipIf(!hasChromium)('requests to other hosts', () => {
  const site = siteInChromium();

  it('go to the quick-exit destination only when the reader exits', async () => {
    const context = await site.browser.newContext();
    const foreign: string[] = [];
    await interceptForeignRequests(context, site.server.url, (url) => foreign.push(url));
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
