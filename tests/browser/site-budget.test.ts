import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, type Browser } from '../support/browser';
import { measurePage } from '../support/page-weight';
import { startServer, type RunningServer } from '../support/server';

/** Budgets in gzipped bytes for what one page downloads with every island hydrated. */
const budget = { js: 20 * 1024, css: 12 * 1024, html: 16 * 1024 };
const pages = ['/', '/before-you-start/', '/steps/take-time/', '/steps/understand-why/', '/articles/no-contact/'];

describe.skipIf(!hasChromium)('size budget', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(pages.map((path) => [path]))('%s stays within the JS, CSS and HTML budget', async (path) => {
    const weight = await measurePage(browser, server.url, path);
    expect(weight.js, `JS files: ${weight.jsFiles.join(', ')}`).toBeLessThan(budget.js);
    expect(weight.css).toBeLessThan(budget.css);
    expect(weight.html).toBeLessThan(budget.html);
  });
});
