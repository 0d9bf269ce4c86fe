import type { Browser, Page } from 'playwright-core';

/** One file a search fetched from /pagefind/, as it crossed the wire. */
export interface SearchFile {
  path: string;
  /** Response headers plus the body as sent (compressed when the server compressed it). */
  wire: number;
  /** The body as sent, without headers. */
  body: number;
  encoding: string;
}

export interface FirstSearch {
  files: SearchFile[];
  /** Sum of `wire` over every /pagefind/ file. */
  wire: number;
  /** Results the page shows. */
  shown: number;
}

/**
 * Bytes on the wire from /pagefind/ for a first search: a fresh page (empty cache) opens `/search/?q=<term>` on the
 * built server, waits until the results are shown and the network is quiet, and adds up what Chromium received
 * for each /pagefind/ file (headers and body as sent, so the server's compression counts).
 */
export async function measureFirstSearch(browser: Browser, origin: string, term: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const pending: Promise<SearchFile | undefined>[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/pagefind/')) return;
    pending.push(
      Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
        path,
        wire: sizes.responseHeadersSize + sizes.responseBodySize,
        body: sizes.responseBodySize,
        encoding: response?.headers()['content-encoding'] ?? 'identity',
      })),
    );
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(term)}`);
  await page.locator('main [role="status"].search-status').filter({ hasText: /results? for/ }).waitFor();
  await page.waitForLoadState('networkidle');
  const shown = await page.locator('main .search-result').count();
  const files = (await Promise.all(pending)).filter((file): file is SearchFile => !!file);
  await context.close();
  return { files, wire: files.reduce((total, file) => total + file.wire, 0), shown };
}
