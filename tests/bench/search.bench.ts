import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, test } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ensureBuilt } from '../support/build';
import { folderBytes, indexedPages, pagefindDir, wordsOnlyOn } from '../support/search-index';
import { startServer, type RunningServer } from '../support/server';

// Figures, not assertions: how big the search index is, and what a reader downloads for a first search.
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

test('search index size', () => {
  const group = (name: string) => {
    if (name === 'index' || name === 'fragment' || name === 'filter') return `${name}/ (${readdirSync(join(pagefindDir, name)).length} files)`;
    if (name.startsWith('wasm.')) return 'wasm.*.pagefind';
    return name;
  };
  const sizes = new Map<string, number>();
  for (const name of readdirSync(pagefindDir)) {
    const full = join(pagefindDir, name);
    const bytes = statSync(full).isDirectory() ? folderBytes(full) : statSync(full).size;
    sizes.set(group(name), (sizes.get(group(name)) ?? 0) + bytes);
  }
  console.log(`\nSearch index: ${kb(folderBytes(pagefindDir))} in dist/client/pagefind/ for ${indexedPages().length} pages`);
  console.table(Object.fromEntries([...sizes].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, { size: kb(bytes) }])));
});

test('bytes a first search downloads', async () => {
  const browser = await launchBrowser();
  const word = wordsOnlyOn('/steps/couples-counselling/', indexedPages(), 1)[0] ?? 'counselling';
  const rows: Record<string, { files: number; raw: number; gzip: number }> = {};
  let pagefindRaw = 0;
  let pagefindGzip = 0;
  let codeGzip = 0;
  for (const term of ['counselling', word]) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/steps/take-time/`, { waitUntil: 'networkidle' });
    const files: { path: string; raw: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      pending.push(
        response.body().then(
          (body) => void files.push({ path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => undefined,
        ),
      );
    });
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog input[type="search"]').fill(term);
    await page.locator('dialog.search-dialog [role="status"]').filter({ hasText: /results? for/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const pagefindFiles = files.filter((file) => file.path.startsWith('/pagefind/'));
    const codeFiles = files.filter((file) => file.path.startsWith('/_astro/'));
    const sum = (list: typeof files, key: 'raw' | 'gzip') => list.reduce((total, file) => total + file[key], 0);
    if (term === 'counselling') {
      pagefindRaw = sum(pagefindFiles, 'raw');
      pagefindGzip = sum(pagefindFiles, 'gzip');
      codeGzip = sum(codeFiles, 'gzip');
      for (const file of [...pagefindFiles, ...codeFiles]) {
        const key = file.path.replace(/_[0-9a-f]+\./, '_….');
        const row = (rows[key] ??= { files: 0, raw: 0, gzip: 0 });
        row.files += 1;
        row.raw += file.raw;
        row.gzip += file.gzip;
      }
    }
    console.log(`First search for "${term}": ${kb(sum(pagefindFiles, 'raw'))} from /pagefind/ (${pagefindFiles.length} files; ${kb(sum(pagefindFiles, 'gzip'))} if the server gzips)`);
    await page.close();
  }
  await browser.close();
  console.log(`\nFirst search, in detail ("counselling"): /pagefind/ ${kb(pagefindRaw)} as served (${kb(pagefindGzip)} gzipped), plus ${kb(codeGzip)} gzipped of search UI code`);
  console.table(Object.fromEntries(Object.entries(rows).map(([path, row]) => [path, { files: row.files, raw: kb(row.raw), gzip: kb(row.gzip) }])));
});
