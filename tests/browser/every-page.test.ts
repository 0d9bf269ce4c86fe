/**
 * Every page, checked in Chromium from one crawl (tests/support/crawl.ts): each page is visited once per viewport
 * with every island running, and each concern below asserts on what that visit recorded, naming page and problem.
 * A new check that applies to every page belongs here: record it in the crawl, assert on it in a test of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, hasChromium } from '../support/browser';
import { crawl, type PageRecord } from '../support/crawl';
import { everyPagePath, sitemapPaths } from '../support/sitemap';
import { siteInChromium } from '../support/suite';

/** An address no page has: the server answers with the not-found page. */
const NOT_FOUND = '/no-such-page/';
const sitemap = sitemapPaths();
/** Every page of the sitemap, the built pages it leaves out (shared quiz results, admin), a search and the not-found page. */
const desktopPaths = [...everyPagePath(), '/search/?q=month', NOT_FOUND];
const desktop = { view: 'desktop', viewport: { width: 1280, height: 720 }, paths: desktopPaths, axe: sitemap };
const phone = { view: '320 px', viewport: { width: 320, height: 640 }, paths: sitemap, axe: [] };

/** One line per problem: where, at which viewport, and what. */
const problems = (records: PageRecord[], find: (record: PageRecord) => string[]) =>
  records.flatMap((record) => find(record).map((problem) => `${record.path} (${record.view}): ${problem}`));

describe.skipIf(!hasChromium)('every page in Chromium', () => {
  const site = siteInChromium();
  let records: PageRecord[] = [];

  beforeAll(async () => {
    // The two viewports side by side: a visit spends much of its time waiting on the network and on frames.
    records = (await Promise.all([desktop, phone].map((plan) => crawl(site.browser, site.server.url, plan)))).flat();
  }, 900_000); // about a hundred page visits with every island hydrating, on a busy machine

  it('visits every page of the sitemap and every built page it leaves out, on a desktop and the sitemap at 320 px', () => {
    expect(sitemap.length).toBeGreaterThan(10);
    const visited = (view: string) => records.filter((record) => record.view === view).map((record) => record.path);
    expect(visited('desktop')).toEqual(desktopPaths);
    expect(desktopPaths).toEqual(expect.arrayContaining(sitemap));
    expect(visited('320 px')).toEqual(sitemap);
  });

  it('answers every page with 200, and an unknown address with the not-found page and 404', () => {
    const wrongStatus = problems(records, ({ path, status }) => (status === (path === NOT_FOUND ? 404 : 200) ? [] : [`status ${status}`]));
    expect(wrongStatus).toEqual([]);
  });

  it('breaks no rule of the Content-Security-Policy on any page, with every island running', () => {
    expect(problems(records, (record) => record.csp)).toEqual([]);
  });

  it('asks no other host for anything from any page, with every island running', () => {
    expect(problems(records, (record) => record.foreign)).toEqual([]);
  });

  it('throws no exception and logs no error on any page', () => {
    // The not-found page's own 404 is the one failed load Chromium reports, and it is meant.
    const meant = (record: PageRecord, error: string) =>
      record.path === NOT_FOUND && error.startsWith('console.error: Failed to load resource: the server responded with a status of 404') && error.includes(NOT_FOUND);
    expect(problems(records, (record) => record.errors.filter((error) => !meant(record, error)))).toEqual([]);
  });

  it('sets no cookie, from any page', () => {
    const cookies = problems(records, ({ setCookie, cookies }) => [...(setCookie === null ? [] : [`Set-Cookie: ${setCookie}`]), ...cookies.map((name) => `cookie ${name}`)]);
    expect(cookies).toEqual([]);
  });

  it('never scrolls sideways, at 320 px or on a desktop, as loaded or with every island hydrated', () => {
    const overflowing = problems(records, ({ overflow }) =>
      Object.entries(overflow).flatMap(([moment, pixels]) => (pixels > 0 ? [`${pixels} px wider than the screen when ${moment}`] : [])),
    );
    expect(overflowing).toEqual([]);
  });

  // Light: every WCAG A/AA rule. Dark: the rules the colours decide (the markup is the same page).
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe on every page of the sitemap in the ${theme} theme${theme === 'dark' ? ' (colour rules)' : ''}`, () => {
      const audited = records.filter((record) => record.axe[theme]);
      expect(audited.map((record) => record.path)).toEqual(sitemap);
      expect(problems(audited, (record) => (record.axe[theme]!.length ? [describeViolations(record.axe[theme]!)] : [])).join('\n\n')).toBe('');
    });
  }
});
