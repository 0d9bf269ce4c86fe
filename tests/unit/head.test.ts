import { describe, expect, it } from 'vitest';
import { absoluteUrl, articleJsonLd, documentTitle, jsonForScript, metaTags } from '../../src/lib/head';

const base = { description: 'A short description of the page for search results.', siteUrl: 'https://example.org' };

describe('head tags', () => {
  it('titles pages with the site name, and the home page with its promise', () => {
    expect(documentTitle('Take time apart first')).toBe('Take time apart first · Back Together');
    expect(documentTitle(undefined)).toMatch(/^Back Together: /);
  });

  it('makes absolute URLs from SITE_URL, with or without its trailing slash', () => {
    expect(absoluteUrl('https://example.org', '/steps/a/')).toBe('https://example.org/steps/a/');
    expect(absoluteUrl('https://example.org/', '/steps/a/')).toBe('https://example.org/steps/a/');
  });

  it('emits description, Open Graph and Twitter tags with absolute URLs', () => {
    const tags = metaTags({ ...base, title: 'Step', path: '/steps/a/', type: 'article' });
    const byKey = Object.fromEntries(tags.map((tag) => [tag.name ?? tag.property, tag.content]));
    expect(byKey).toMatchObject({
      description: base.description,
      'og:title': 'Step',
      'og:type': 'article',
      'og:url': 'https://example.org/steps/a/',
      'og:description': base.description,
      'og:image': 'https://example.org/og/default.png',
      'og:image:width': '1200',
      'og:image:height': '630',
      'twitter:card': 'summary_large_image',
    });
  });

  it('says less in link previews than in the page title when asked (shared quiz results)', () => {
    const tags = metaTags({ ...base, title: 'It’s still too soon · Check-in', shareTitle: 'A check-in from “Take time apart first”', path: '/steps/a/result/b/' });
    const byKey = Object.fromEntries(tags.map((tag) => [tag.name ?? tag.property, tag.content]));
    expect(byKey['og:title']).toBe('A check-in from “Take time apart first”');
    expect(byKey['twitter:title']).toBe('A check-in from “Take time apart first”');
  });

  it('uses a page image when given', () => {
    const tags = metaTags({ ...base, path: '/steps/a/', image: { path: '/og/steps/a.png', width: 1200, height: 630, alt: 'Step 1' } });
    expect(tags.find((tag) => tag.property === 'og:image')?.content).toBe('https://example.org/og/steps/a.png');
    expect(tags.find((tag) => tag.property === 'og:image:alt')?.content).toBe('Step 1');
  });

  it('describes a guide page as an Article with breadcrumbs', () => {
    const [article, breadcrumbs] = articleJsonLd({
      ...base,
      title: 'Step',
      path: '/steps/a/',
      modified: new Date('2026-01-02T03:04:05Z'),
      breadcrumbs: [
        { name: 'Guide', path: '/' },
        { name: 'Step', path: '/steps/a/' },
      ],
    });
    expect(article).toMatchObject({ '@type': 'Article', headline: 'Step', dateModified: '2026-01-02T03:04:05.000Z' });
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Guide', item: 'https://example.org/' },
        { position: 2, name: 'Step', item: 'https://example.org/steps/a/' },
      ],
    });
  });

  it('keeps JSON-LD from closing its script tag', () => {
    expect(jsonForScript({ text: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(jsonForScript({ text: '</script>' }))).toEqual({ text: '</script>' });
  });
});
