import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ensureBuilt } from '../support/build';
import { indexedPages, pagefindDir, wordsOnlyOn } from '../support/search-index';
import { measureFirstSearch } from '../support/search-bytes';
import { startServer, type RunningServer } from '../support/server';

// Figures, not assertions: how big the search bundle is, and what a reader downloads for a first search.
// The first-search budget is asserted by tests/browser/search-page.test.ts.
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

/** Every file of a folder as stored, without the precompressed copies beside them. */
function storedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return storedFiles(full);
    return /\.(br|gz)$/.test(entry.name) ? [] : [full];
  });
}

test('search bundle size', () => {
  const group = (file: string) => {
    const name = file.slice(pagefindDir.length + 1);
    if (/^(index|fragment|filter)\//.test(name)) return `${name.split('/')[0]}/`;
    return name.replace(/_[0-9a-f]{7,}\./, '_….');
  };
  const rows = new Map<string, { files: number; stored: number; brotli: number }>();
  for (const file of storedFiles(pagefindDir)) {
    const row = rows.get(group(file)) ?? { files: 0, stored: 0, brotli: 0 };
    const stored = statSync(file).size;
    row.files += 1;
    row.stored += stored;
    row.brotli += existsSync(`${file}.br`) ? statSync(`${file}.br`).size : stored;
    rows.set(group(file), row);
  }
  console.log(`\nSearch bundle in dist/client/pagefind/ for ${indexedPages().length} pages (as stored, and as brotli where the server has a copy):`);
  console.table(
    Object.fromEntries([...rows].sort((a, b) => b[1].brotli - a[1].brotli).map(([name, row]) => [name, { files: row.files, stored: kb(row.stored), brotli: kb(row.brotli) }])),
  );
});

test('bytes a first search downloads', async () => {
  const browser = await launchBrowser();
  const rare = wordsOnlyOn('/steps/couples-counselling/', indexedPages(), 1)[0] ?? 'counselling';
  for (const term of ['counselling', 'month', rare, 'no contact']) {
    const search = await measureFirstSearch(browser, server.url, term);
    const index = search.files.filter((file) => file.path.includes('/index/'));
    const fragments = search.files.filter((file) => file.path.includes('/fragment/'));
    const sum = (files: typeof search.files) => kb(files.reduce((total, file) => total + file.wire, 0));
    console.log(
      `First search for "${term}": ${kb(search.wire)} on the wire from /pagefind/ in ${search.files.length} files ` +
        `(index ${sum(index)} in ${index.length}, fragments ${sum(fragments)} for ${search.shown} results shown)`,
    );
  }
  await browser.close();
});
