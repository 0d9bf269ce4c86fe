import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientDir } from '../support/paths';
import { builtPages } from '../support/site';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/server/entry/site-url.mjs';

const siteUrl = siteOrigin(process.env.SITE_URL) ?? DEFAULT_SITE_URL;
const read = (name: string) => readFileSync(join(clientDir, name), 'utf8');
const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

describe('sitemap, robots and feed', () => {
  it('lists every public page in the sitemap and nothing private', () => {
    const urls = locations(read('sitemap-index.xml')).flatMap((sitemap) => locations(read(new URL(sitemap).pathname.slice(1))));
    const publicPages = builtPages()
      .filter((page) => page.path.endsWith('/') && !page.path.startsWith('/admin/'))
      .filter((page) => !page.document.querySelector('meta[name="robots"][content*="noindex"]'))
      .map((page) => `${siteUrl}${page.path}`);
    expect(urls).toEqual(expect.arrayContaining(publicPages));
    expect(urls.filter((url) => url.includes('/admin/') || url.includes('/api/'))).toEqual([]);
  });

  it('points robots.txt at the sitemap and keeps crawlers out of admin and API', () => {
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap-index.xml`);
    expect(robots).toMatch(/Disallow: \/admin\//);
    expect(robots).toMatch(/Disallow: \/api\//);
  });

  it('carries the nine steps in order and every article in the RSS feed', () => {
    const rss = read('rss.xml');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]!);
    const stepLinks = links.filter((link) => link.includes('/steps/'));
    expect(stepLinks).toHaveLength(9);
    expect(rss).toMatch(/<title>Step 1: /);
    const articles = builtPages().filter((page) => /^\/articles\/[^/]+\/$/.test(page.path));
    for (const article of articles) expect(links).toContain(`${siteUrl}${article.path}`);
  });
});
