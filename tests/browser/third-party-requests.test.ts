/**
 * No page asks any other host for anything: no fonts, scripts, images, analytics or embeds. The quick-exit
 * destination is the one deliberate exception, and only when the reader exits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveQuickExitUrl } from '../../src/lib/quick-exit';
import { hasChromium, launchBrowser, type Browser, type BrowserContext } from '../support/browser';
import { hydrateAllIslands } from '../support/islands';
import { startServer, type RunningServer } from '../support/server';
import { builtPages } from '../support/site';
import { sitemapPaths } from '../support/sitemap';

/** Every page of the sitemap, and the built pages it leaves out (shared quiz results, admin). */
const everyPage = () => [...new Set([...sitemapPaths(), ...builtPages().map((page) => page.path).filter((path) => path.endsWith('/'))])];

describe.skipIf(!hasChromium)('requests to other hosts', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A context that records every http(s) request to another origin, and answers it locally (the network is closed). */
  async function recordingContext(): Promise<{ context: BrowserContext; foreign: string[] }> {
    const context = await browser.newContext();
    const foreign: string[] = [];
    const isForeign = (url: URL) => /^https?:$/.test(url.protocol) && url.origin !== server.url;
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
    const paths = [...everyPage(), '/search/?q=month', '/no-such-page/'];
    expect(paths.length).toBeGreaterThan(10);
    const byPage: string[] = [];
    for (const path of paths) {
      const before = foreign.length;
      await page.goto(`${server.url}${path}`);
      await hydrateAllIslands(page);
      byPage.push(...foreign.slice(before).map((url) => `${path} → ${url}`));
    }
    expect(byPage).toEqual([]);
    await context.close();
  }, 300_000); // every built page with its islands running: well over the default minute

  it('go to the quick-exit destination only when the reader exits', async () => {
    const { context, foreign } = await recordingContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/steps/take-time/`);
    await hydrateAllIslands(page);
    expect(foreign).toEqual([]);
    await page.locator('.quick-exit-button').click();
    const destination = new URL(resolveQuickExitUrl(process.env.QUICK_EXIT_URL), server.url).href;
    await page.waitForURL(destination);
    // A same-origin destination is no request to another host at all.
    expect(foreign).toEqual(new URL(destination).origin === server.url ? [] : [destination]);
    await context.close();
  });
});
