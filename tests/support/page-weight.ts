import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { hydrateAllIslands } from './islands';

export interface PageWeight {
  path: string;
  /** Gzipped bytes of the HTML document. */
  html: number;
  /** Gzipped bytes of every stylesheet the page loaded. */
  css: number;
  /** Gzipped bytes of every script the page loaded, after scrolling to the end so every island hydrates. */
  js: number;
  jsFiles: string[];
  /** Gzipped bytes of the data files scripts fetched (a quiz's data, `/quizzes/…json`). */
  data: number;
  /** Every request the page made, in order (paths), the document included. */
  requests: string[];
}

const commentsSection = '[aria-labelledby="comments-heading"]';
const gzipped = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/**
 * Loads a page in Chromium, scrolls down (client:visible islands hydrate), waits until the network is idle,
 * and adds up what it downloaded, gzipped the way a server would send it. `until: 'comments'` stops just
 * above the comments section, so the figure is the guide itself with every other island hydrated.
 */
export async function measurePage(browser: Browser, origin: string, path: string, { until = 'end' }: { until?: 'end' | 'comments' } = {}): Promise<PageWeight> {
  const page = await browser.newPage();
  const weight: PageWeight = { path, html: 0, css: 0, js: 0, jsFiles: [], data: 0, requests: [] };
  const pending: Promise<void>[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  page.on('request', (request) => void weight.requests.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const isData = type === 'fetch' && new URL(response.url()).pathname.startsWith('/quizzes/');
    if (!['document', 'stylesheet', 'script'].includes(type) && !isData) return;
    pending.push(
      response.body().then(
        (body) => {
          const size = gzipped(body);
          if (type === 'document') weight.html += size;
          else if (type === 'stylesheet') weight.css += size;
          else if (isData) weight.data += size;
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
  const { bottom, step } = await page.evaluate(({ stopAboveComments, selector }) => {
    const comments = document.querySelector(selector);
    const end = document.documentElement.scrollHeight;
    const aboveComments = comments ? comments.getBoundingClientRect().top + window.scrollY - window.innerHeight - 200 : end;
    return { bottom: stopAboveComments ? aboveComments : end, step: window.innerHeight / 2 };
  }, { stopAboveComments: until === 'comments', selector: commentsSection });
  // In steps, a frame apart, so every island on the way is seen by its visibility observer.
  for (let y = 0; y < bottom + step; y += step) {
    await page.evaluate((top) => {
      window.scrollTo(0, top);
      return new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
    }, Math.min(y, bottom));
  }
  // Any island the scroll went past before its observer looked is brought in on its own, so none stays asleep.
  await hydrateAllIslands(page, until === 'comments' ? { above: commentsSection } : {}).catch((error: Error) => {
    throw new Error(`${error.message}${errors.length ? `; the page reported: ${errors.join('; ')}` : ''}`);
  });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await page.close();
  return weight;
}
