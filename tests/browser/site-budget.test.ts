import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { measurePage } from '../support/page-weight';
import { siteInChromium } from '../support/suite';

/**
 * Budgets in gzipped bytes. `js` holds for a page read up to its comments with every island on the way
 * hydrated; `jsWithComments` once the reader has scrolled to the end and the comment thread has loaded too.
 * The thread grew by about 1 KB with reply paging, the offline notice and the feed link (22 KB before); HTML has
 * 16 KB now that styles are cached files instead of inline blocks.
 */
const budget = { js: 20 * 1024, jsWithComments: 24 * 1024, css: 12 * 1024, html: 16 * 1024 };
const pages = ['/', '/before-you-start/', '/steps/take-time/', '/steps/understand-why/', '/articles/no-contact/', '/contact/'];

describe.skipIf(!hasChromium)('size budget', () => {
  const site = siteInChromium();

  it.each(pages.map((path) => [path]))('%s stays within the JS, CSS and HTML budget', async (path) => {
    const guide = await measurePage(site.browser, site.server.url, path, { until: 'comments' });
    expect(guide.js, `JS files: ${guide.jsFiles.join(', ')}`).toBeLessThan(budget.js);
    expect(guide.css).toBeLessThan(budget.css);
    expect(guide.html).toBeLessThan(budget.html);
    const whole = await measurePage(site.browser, site.server.url, path);
    expect(whole.js, `JS files: ${whole.jsFiles.join(', ')}`).toBeLessThan(budget.jsWithComments);
  });

  it('hydrates the quiz and "mark this step done" while measuring a step (the figure covers them)', async () => {
    const guide = await measurePage(site.browser, site.server.url, '/steps/take-time/', { until: 'comments' });
    expect(guide.jsFiles.some((file) => /\/Quiz\./.test(file))).toBe(true);
    expect(guide.jsFiles.some((file) => /\/StepDone\./.test(file))).toBe(true);
    expect(guide.jsFiles.some((file) => /\/Comments\./.test(file))).toBe(false);
  });
});
