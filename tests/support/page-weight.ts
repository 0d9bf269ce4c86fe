import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  path: string;
  /** Gzipped bytes of the HTML document. */
  html: number;
  /** Gzipped bytes of every stylesheet the page loaded. */
  css: number;
  /** Gzipped bytes of every script the page loaded, after scrolling to the end so every island hydrates. */
  js: number;
  jsFiles: string[];
}

const gzipped = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/**
 * Loads a page in Chromium, scrolls to the bottom (client:visible islands hydrate), waits until the
 * network is idle, and adds up what it downloaded, gzipped the way a server would send it.
 */
export async function measurePage(browser: Browser, origin: string, path: string): Promise<PageWeight> {
  const page = await browser.newPage();
  const weight: PageWeight = { path, html: 0, css: 0, js: 0, jsFiles: [] };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (!['document', 'stylesheet', 'script'].includes(type)) return;
    pending.push(
      response.body().then(
        (body) => {
          const size = gzipped(body);
          if (type === 'document') weight.html += size;
          else if (type === 'stylesheet') weight.css += size;
          else {
            weight.js += size;
            weight.jsFiles.push(new URL(response.url()).pathname);
          }
        },
        () => undefined,
      ),
    );
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await page.close();
  return weight;
}
