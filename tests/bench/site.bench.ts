import { rmSync } from 'node:fs';
import { afterAll, beforeAll, test } from 'vitest';
import { launchBrowser } from '../support/browser';
import { buildSite } from '../support/build';
import { measurePage, type PageWeight } from '../support/page-weight';
import { outDir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';
import { sitemapPaths } from '../support/sitemap';

// Figures, not assertions: build time and gzipped bytes per page. Budgets are enforced by tests/browser/site-budget.test.ts.
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let server: RunningServer;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  buildSite();
  console.log(`\nBuild (astro build + search index, from clean): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

test('bytes per page', async () => {
  const browser = await launchBrowser();
  const rows: Record<string, Record<string, string | number>> = {};
  for (const path of sitemapPaths()) {
    const guide = await measurePage(browser, server.url, path, { until: 'comments' });
    const whole: PageWeight = await measurePage(browser, server.url, path);
    rows[path] = { html: kb(whole.html), css: kb(whole.css), 'js (to comments)': kb(guide.js), 'js (all)': kb(whole.js), 'js files': whole.jsFiles.length };
  }
  await browser.close();
  console.log('\nBytes per page, gzipped. JS "to comments": every island above the comments hydrated; "all": scrolled to the end, comments too:');
  console.table(rows);
});

test('static page throughput', async ({ bench }) => {
  await bench('GET a step page (HTML)', async () => {
    const response = await fetch(`${server.url}/steps/take-time/`);
    await response.arrayBuffer();
  }).run();
});
