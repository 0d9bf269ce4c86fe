import { rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { launchBrowser } from '../support/browser';
import { buildSite } from '../support/build';
import { startLighthouse } from '../support/lighthouse';
import { measurePage, type PageWeight } from '../support/page-weight';
import { clientDir, outDir } from '../support/paths';
import { measureFirstSearch } from '../support/search-bytes';
import { startServer, type RunningServer } from '../support/server';
import { sitemapPaths } from '../support/sitemap';

// Figures, not assertions: the reader-facing rows of the performance table (step page bytes and requests, first
// search, Lighthouse performance, compression), then bytes per page. Budgets are asserted by the site tests
// (site-budget, search-page, lighthouse); the comments API and the 1,000-article build have benches of their own.
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const step = '/steps/take-time/';
const lighthousePages = ['/', step, '/articles/no-contact/', '/progress/', '/search/?q=counselling'];
/** The table printed at the end: figure, this site, target. */
const summary: { figure: string; 'this site': string; target: string }[] = [];
let server: RunningServer;
let stepPage: PageWeight;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  buildSite();
  console.log(`\nBuild (astro build + search index, from clean): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  if (summary.length > 0) {
    console.log('\nSummary (this site):');
    console.table(summary);
  }
});

/** What the server sends for `path` to a browser that takes brotli and gzip: encoding and bytes. */
function served(path: string): Promise<{ path: string; encoding: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const sent = request(`${server.url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ path, encoding: String(response.headers['content-encoding'] ?? 'none'), bytes }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('step page: HTML, JS with every island hydrated, requests after scrolling to the end', async () => {
  const browser = await launchBrowser();
  stepPage = await measurePage(browser, server.url, step);
  await browser.close();
  console.log(
    `\n${step}, gzipped: HTML ${kb(stepPage.html)}, JS ${kb(stepPage.js)} in ${stepPage.jsFiles.length} files (comments hydrated), ` +
      `quiz data ${kb(stepPage.data)} (fetched when the quiz comes into view), ${stepPage.requests.length} requests after scrolling to the end`,
  );
  summary.push(
    { figure: 'step page HTML, gzip', 'this site': kb(stepPage.html), target: '≤ 7 KB' },
    { figure: 'step page JS, every island hydrated, gzip (files)', 'this site': `${kb(stepPage.js)} (${stepPage.jsFiles.length})`, target: '≤ 15 KB in ≤ 8 files' },
    { figure: 'step page requests after scrolling to the end', 'this site': String(stepPage.requests.length), target: '≤ 12' },
  );
});

test('first search: bytes on the wire from /pagefind/', async () => {
  const browser = await launchBrowser();
  const search = await measureFirstSearch(browser, server.url, 'counselling');
  await browser.close();
  console.log(`\nFirst search for "counselling" on /search/: ${kb(search.wire)} on the wire from /pagefind/ (${search.files.length} files, headers included)`);
  console.table(search.files.map((file) => ({ path: file.path.replace(/_[0-9a-f]{7,}\./, '_….'), encoding: file.encoding, wire: kb(file.wire) })));
  summary.push({ figure: 'first search, bytes on the wire from /pagefind/', 'this site': kb(search.wire), target: '≤ 90 KB' });
});

test('compression: a step page, a stylesheet and a script', async () => {
  const styles = stepPage?.requests.find((path) => path.endsWith('.css'));
  // The page's largest script: small ones (under 512 bytes) are sent as they are, by design.
  const script = stepPage?.jsFiles.toSorted((a, b) => statSync(join(clientDir, b)).size - statSync(join(clientDir, a)).size)[0];
  const rows = await Promise.all([step, ...(styles ? [styles] : []), ...(script ? [script] : [])].map(served));
  console.log('\nServed to a browser that takes br and gzip:');
  console.table(rows.map((row) => ({ ...row, bytes: kb(row.bytes) })));
  summary.push({ figure: 'Node server: compression', 'this site': rows.map((row) => `${row.path.split('/').pop() || 'page'} ${row.encoding}`).join(', '), target: 'br/gzip' });
});

test(
  'Lighthouse mobile performance (LCP, CLS)',
  async () => {
    const lighthouse = await startLighthouse();
    const rows: Record<string, { performance: number; lcp: string; cls: string }> = {};
    try {
      for (const path of lighthousePages) {
        const report = await lighthouse.audit(`${server.url}${path}`, ['performance']);
        rows[path] = { performance: report.scores.performance ?? 0, lcp: `${((report.lcp ?? 0) / 1000).toFixed(1)} s`, cls: (report.cls ?? 0).toFixed(2) };
      }
    } finally {
      await lighthouse.close();
    }
    console.log('\nLighthouse, mobile (simulated slow 4G), performance:');
    console.table(rows);
    const search = rows['/search/?q=counselling'];
    if (search) summary.push({ figure: '/search/?q=… Lighthouse mobile performance (LCP, CLS)', 'this site': `${search.performance} (${search.lcp}, CLS ${search.cls})`, target: '100 (CLS 0)' });
  },
  1_500_000,
);

test('bytes per page', async () => {
  const browser = await launchBrowser();
  const rows: Record<string, Record<string, string | number>> = {};
  for (const path of sitemapPaths()) {
    const guide = await measurePage(browser, server.url, path, { until: 'comments' });
    const whole: PageWeight = await measurePage(browser, server.url, path);
    rows[path] = {
      html: kb(whole.html),
      css: kb(whole.css),
      'js (to comments)': kb(guide.js),
      'js (all)': kb(whole.js),
      'js files': whole.jsFiles.length,
      'quiz data': whole.data ? kb(whole.data) : '',
      requests: whole.requests.length,
    };
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
