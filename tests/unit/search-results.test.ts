import { describe, expect, it } from 'vitest';
import { excerptParts, resultCountMessage, resultKicker, searchFromUrl, searchOptions, shownResult } from '../../src/lib/search-results';
import { isSearchShortcut, type ShortcutEvent } from '../../src/lib/search-shortcut';

describe('search results', () => {
  it('split an excerpt into text and marked words, never markup', () => {
    expect(excerptParts('give it <mark>time</mark> &amp; space')).toEqual([
      { text: 'give it ', marked: false },
      { text: 'time', marked: true },
      { text: ' & space', marked: false },
    ]);
    // Page text that looks like markup stays text.
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>')).toEqual([
      { text: '<script>alert(1)</script> ', marked: false },
      { text: 'x', marked: true },
    ]);
    expect(excerptParts('<b>bold</b> <img src=x onerror=y>')).toEqual([{ text: 'bold ', marked: false }]);
  });

  it('label steps "Step n" and articles "Article"', () => {
    expect(resultKicker({ meta: { step: '3' }, filters: { kind: ['step'] } })).toBe('Step 3');
    expect(resultKicker({ meta: {}, filters: { kind: ['article'] } })).toBe('Article');
    expect(resultKicker({ meta: {}, filters: { kind: ['page'] } })).toBeUndefined();
    expect(resultKicker({ meta: {} })).toBeUndefined();
  });

  it('show the page, and up to three matching sections below it', () => {
    const result = shownResult({
      url: '/steps/take-time/?pagefind-highlight=month',
      excerpt: 'a <mark>month</mark>',
      meta: { title: 'Take time apart first', step: '3' },
      filters: { kind: ['step'] },
      sub_results: [
        { title: 'Take time apart first', url: '/steps/take-time/?pagefind-highlight=month', excerpt: 'top' },
        ...['a', 'b', 'c', 'd'].map((id) => ({ title: id, url: `/steps/take-time/?pagefind-highlight=month#${id}`, excerpt: `<mark>${id}</mark>` })),
      ],
    });
    expect(result).toMatchObject({ url: '/steps/take-time/?pagefind-highlight=month', title: 'Take time apart first', kicker: 'Step 3' });
    expect(result.subResults.map((sub) => sub.title)).toEqual(['a', 'b', 'c']);
    expect(result.subResults[0]!.excerpt).toEqual([{ text: 'a', marked: true }]);
  });

  it('announce how many results there are', () => {
    expect(resultCountMessage(1, 'month')).toBe('1 result for “month”');
    expect(resultCountMessage(4, 'month')).toBe('4 results for “month”');
    expect(resultCountMessage(0, 'xyz')).toMatch(/^No results for “xyz”/);
  });
});

describe('the /search/ URL', () => {
  it('reads the query and kind, ignoring unknown kinds', () => {
    expect(searchFromUrl('?q=counselling')).toEqual({ query: 'counselling', kind: 'all' });
    expect(searchFromUrl('?q=+no+contact+&kind=article')).toEqual({ query: 'no contact', kind: 'article' });
    expect(searchFromUrl('?kind=secret')).toEqual({ query: '', kind: 'all' });
  });

  it('filters by kind only when asked', () => {
    expect(searchOptions('all')).toEqual({});
    expect(searchOptions('step')).toEqual({ filters: { kind: 'step' } });
  });
});

describe('the search shortcut', () => {
  const key = (overrides: Partial<ShortcutEvent>): ShortcutEvent => ({
    key: '/',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    isComposing: false,
    inEditableField: false,
    ...overrides,
  });

  it('is "/" outside fields, and Ctrl+K or ⌘K anywhere', () => {
    expect(isSearchShortcut(key({}))).toBe(true);
    expect(isSearchShortcut(key({ inEditableField: true }))).toBe(false);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, inEditableField: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'K', metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'k' }))).toBe(false);
  });

  it('leaves alone keys other code handled, IME composition and Alt combinations', () => {
    expect(isSearchShortcut(key({ defaultPrevented: true }))).toBe(false);
    expect(isSearchShortcut(key({ isComposing: true }))).toBe(false);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, altKey: true }))).toBe(false);
  });
});
