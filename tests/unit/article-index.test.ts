import { describe, expect, test } from 'vitest';
import { articleIndexPages, articleIndexPath, articlesPerIndexPage } from '../../src/lib/article-index';

describe('article index pages', () => {
  test('page 1 is /articles/, later pages are numbered', () => {
    expect(articleIndexPath(1)).toBe('/articles/');
    expect(articleIndexPath(2)).toBe('/articles/page/2/');
  });

  test('a short list is one page with no neighbours', () => {
    expect(articleIndexPages(['a', 'b'])).toEqual([{ number: 1, pageCount: 1, articles: ['a', 'b'] }]);
    expect(articleIndexPages([])).toEqual([{ number: 1, pageCount: 1, articles: [] }]);
  });

  test('a thousand articles split into pages that keep every article once, in order, linked both ways', () => {
    const articles = Array.from({ length: 1000 }, (_, index) => index);
    const pages = articleIndexPages(articles);
    expect(pages).toHaveLength(Math.ceil(1000 / articlesPerIndexPage));
    expect(pages.flatMap((page) => page.articles)).toEqual(articles);
    expect(pages.every((page) => page.articles.length <= articlesPerIndexPage)).toBe(true);
    expect(pages[0]).toMatchObject({ number: 1, next: '/articles/page/2/' });
    expect(pages[0]!.previous).toBeUndefined();
    expect(pages[1]).toMatchObject({ previous: '/articles/', next: '/articles/page/3/' });
    expect(pages.at(-1)!.next).toBeUndefined();
  });
});
