import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type Browser } from './browser';
import { startServer, type RunningServer } from './server';

export interface SiteUnderTest {
  server: RunningServer;
  browser: Browser;
}

/**
 * For a browser suite: starts the built server (on a free port, with its own data folder) and Chromium
 * before the suite's tests and stops both after. Read `server` and `browser` inside tests and hooks.
 */
export function siteInChromium(options: Parameters<typeof startServer>[0] = {}): SiteUnderTest {
  const site = {} as SiteUnderTest;
  beforeAll(async () => {
    [site.server, site.browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}
