import { describe, expect, it } from 'vitest';
import { builtPage, builtPages } from '../support/site';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/server/entry/site-url.mjs';

const stepSlugs = [
  'understand-why',
  'why-you-want-this',
  'take-time',
  'how-they-feel',
  'best-attributes',
  'casual-date',
  'deeper-conversation',
  'new-relationship',
  'couples-counselling',
];
const guidePages = ['/before-you-start/', ...stepSlugs.map((slug) => `/steps/${slug}/`), '/if-it-doesnt-work-out/'];
const siteUrl = siteOrigin(process.env.SITE_URL) ?? DEFAULT_SITE_URL;
const pages = builtPages();
const headOf = (path: string) => builtPage(path).document.querySelector('head')!;
const meta = (path: string, key: string) =>
  headOf(path).querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');

describe('the built site', () => {
  it('has the home page, eleven guide pages, about, privacy, articles and a 404', () => {
    const paths = pages.map((page) => page.path);
    for (const path of ['/', ...guidePages, '/about/', '/privacy/', '/articles/', '/404.html']) {
      expect(paths, path).toContain(path);
    }
    const articles = paths.filter((path) => /^\/articles\/[^/]+\/$/.test(path));
    expect(articles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(pages.map((page) => [page.path]))('%s has one h1, a title, a description and a canonical URL', (path) => {
    const { document } = builtPage(path);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('title')?.text.trim().length).toBeGreaterThan(5);
    expect(meta(path, 'description')?.length).toBeGreaterThan(30);
    const canonical = headOf(path).querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical).toBe(`${siteUrl}${path}`);
    expect(document.querySelector('html')?.getAttribute('lang')).toBeTruthy();
    expect(document.querySelector('a.skip-link[href="#main"]')).toBeTruthy();
    expect(document.querySelector('main#main')).toBeTruthy();
    expect(document.querySelector('header')).toBeTruthy();
    expect(document.querySelector('footer')).toBeTruthy();
  });

  it('gives every page its own title', () => {
    const titles = pages.map((page) => page.document.querySelector('title')?.text);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(pages.filter((page) => page.path !== '/404.html').map((page) => [page.path]))('%s has Open Graph and Twitter tags', (path) => {
    for (const key of ['og:title', 'og:type', 'og:url', 'og:description', 'og:image', 'twitter:card']) {
      expect(meta(path, key), key).toBeTruthy();
    }
    expect(meta(path, 'og:url')).toBe(`${siteUrl}${path}`);
    expect(meta(path, 'og:image')).toMatch(new RegExp(`^${siteUrl}/`));
  });
});

describe('guide pages', () => {
  it.each(guidePages.map((path) => [path]))('%s marks itself in the step navigation', (path) => {
    const nav = builtPage(path).document.querySelector('nav.step-nav')!;
    expect(nav).toBeTruthy();
    const current = nav.querySelectorAll('a[aria-current="page"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.getAttribute('href')).toBe(path);
    expect(nav.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(guidePages);
  });

  it.each(stepSlugs.map((slug, index) => [`/steps/${slug}/`, index]))('%s links to the previous and next page', (path, index) => {
    const { document } = builtPage(path);
    expect(document.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(guidePages[index]);
    expect(document.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(guidePages[index + 2]);
  });

  it.each([...guidePages, '/about/'].map((path) => [path]))('%s has a table of contents whose links land on headings', (path) => {
    const { document } = builtPage(path);
    const tocLinks = document.querySelectorAll('nav.toc a');
    expect(tocLinks.length).toBeGreaterThan(1);
    for (const link of tocLinks) {
      const id = link.getAttribute('href')!.slice(1);
      expect(document.querySelector(`h2[id="${id}"], h3[id="${id}"]`), `#${id}`).toBeTruthy();
    }
  });

  it.each(guidePages.map((path) => [path]))('%s shows reading time, last updated, and Article + BreadcrumbList JSON-LD', (path) => {
    const { document } = builtPage(path);
    expect(document.querySelector('.page-meta')?.text).toMatch(/\d+ min read/);
    expect(Date.parse(document.querySelector('.page-meta time')?.getAttribute('datetime') ?? '')).not.toBeNaN();
    const jsonLd = document.querySelectorAll('script[type="application/ld+json"]').flatMap((script) => [JSON.parse(script.text)].flat());
    const types = jsonLd.map((item: { '@type': string }) => item['@type']);
    expect(types).toEqual(expect.arrayContaining(['Article', 'BreadcrumbList']));
  });

  it('lists the nine steps in order on the home page, with summaries, and both ways in and out', () => {
    const { document } = builtPage('/');
    const links = document.querySelectorAll('.step-list a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(stepSlugs.map((slug) => `/steps/${slug}/`));
    expect(document.querySelectorAll('.step-list .step-summary').every((summary) => summary.text.trim().length > 30)).toBe(true);
    expect(document.querySelector('a[href="/before-you-start/"]')).toBeTruthy();
    expect(document.querySelector('a[href="/if-it-doesnt-work-out/"]')).toBeTruthy();
  });

  it('links every article from a step it deepens and from the articles page', () => {
    const articles = pages.filter((page) => /^\/articles\/[^/]+\/$/.test(page.path));
    const articleIndex = builtPage('/articles/').document;
    for (const article of articles) {
      expect(articleIndex.querySelector(`a[href="${article.path}"]`), article.path).toBeTruthy();
      const linkedFromStep = stepSlugs.some((slug) => builtPage(`/steps/${slug}/`).document.querySelector(`a[href="${article.path}"]`));
      expect(linkedFromStep, `${article.path} linked from a step`).toBe(true);
    }
  });
});
