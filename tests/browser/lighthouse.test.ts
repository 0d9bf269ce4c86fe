import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { startLighthouse, type LighthouseBrowser } from '../support/lighthouse';
import { startServer, type RunningServer } from '../support/server';

/** The pages a reader meets first, one of each kind. Performance is a timing, so `npm run bench` prints it instead. */
const pages = ['/', '/steps/take-time/', '/articles/no-contact/', '/progress/', '/search/?q=counselling'];

describe.skipIf(!hasChromium)('Lighthouse', () => {
  let server: RunningServer;
  let lighthouse: LighthouseBrowser;
  beforeAll(async () => {
    [server, lighthouse] = await Promise.all([startServer(), startLighthouse()]);
  });
  afterAll(async () => {
    await lighthouse?.close();
    await server?.stop();
  });

  it.each(pages.map((path) => [path]))(
    '%s scores 100 for accessibility, best practices and SEO',
    async (path) => {
      const report = await lighthouse.audit(`${server.url}${path}`, ['accessibility', 'best-practices', 'seo']);
      expect(report.scores, report.failures.join('\n')).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
    },
    // A Lighthouse run loads the page and audits it in depth: about a minute on a quiet two-core machine, over three
    // when several builds share it (the first run also loads Lighthouse itself).
    300_000,
  );
});
