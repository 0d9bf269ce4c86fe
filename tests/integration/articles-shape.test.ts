import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articlePath, plainTextOfMarkdown, readingMinutes } from '../../src/lib/guide';
import { repoRoot } from '../support/paths';
import { builtPage, visibleText } from '../support/site';

// Articles published from this date on follow the fuller article shape (600–1,200 words, "What to do today",
// "When to stop"). The four first articles predate it and keep their own shape.
const shapedFrom = new Date('2026-12-01T00:00:00Z');
const articleDir = join(repoRoot, 'content/articles');

interface ArticleSource {
  slug: string;
  published: Date;
  /** Prose as a reader counts it: the same plain text the reading time is measured on. */
  prose: string;
}

const articles: ArticleSource[] = readdirSync(articleDir)
  .filter((name) => /\.mdx?$/.test(name))
  .map((name) => {
    const source = readFileSync(join(articleDir, name), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const { published } = parse(frontmatter) as { published: string | Date };
    return { slug: name.replace(/\.mdx?$/, ''), published: new Date(published), prose: plainTextOfMarkdown(body) };
  });
const shaped = articles.filter((article) => article.published >= shapedFrom);

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Headings of a built article's own text (the page's asides and comments have their own). */
const articleHeadings = (slug: string) =>
  builtPage(articlePath(slug)).document.querySelectorAll('article[data-pagefind-body] h2').map((heading) => ({
    id: heading.getAttribute('id') ?? '',
    text: heading.text.trim(),
  }));

describe('articles', () => {
  it('reads every article source and finds the newer ones', () => {
    expect(articles.every((article) => !Number.isNaN(article.published.getTime()))).toBe(true);
    expect(shaped.length).toBeGreaterThanOrEqual(5);
  });

  // The build counts an article's reading time on its rendered HTML (the content store keeps no Markdown source of
  // articles): it must come out as the source's own count would.
  it.each(articles.map((article) => [article.slug, article]))('%s shows the reading time of its source', (_slug, article) => {
    expect(builtPage(articlePath(article.slug)).document.querySelector('.page-meta')?.text).toContain(`${readingMinutes(article.prose)} min read`);
  });

  it.each(articles.map((article) => [article.slug, article]))('%s gives no phone number (we never invent one)', (_slug, article) => {
    expect(article.prose).not.toMatch(/\+?\d[\d\s().-]{5,}\d/);
    expect(builtPage(articlePath(article.slug)).document.querySelector('a[href^="tel:"]')).toBeNull();
  });
});

describe.each(shaped.map((article) => [article.slug, article] as const))('the %s article', (slug, article) => {
  it('runs 600 to 1,200 words', () => {
    const words = wordCount(article.prose);
    expect(words).toBeGreaterThanOrEqual(600);
    expect(words).toBeLessThanOrEqual(1200);
  });

  it('has a "What to do today" section and a "When to stop" section, both in its table of contents', () => {
    const headings = articleHeadings(slug);
    const today = headings.find((heading) => /^what to do today/i.test(heading.text));
    const stop = headings.find((heading) => /^when to stop|not working|isn['’]t working/i.test(heading.text));
    expect(today, 'What to do today').toBeDefined();
    expect(stop, 'When to stop').toBeDefined();
    const toc = builtPage(articlePath(slug)).document.querySelectorAll('nav.toc a').map((link) => link.getAttribute('href'));
    expect(toc).toEqual(expect.arrayContaining([`#${today!.id}`, `#${stop!.id}`]));
  });

  it('shows its reading time, is indexed for search and takes comments', () => {
    const { document } = builtPage(articlePath(slug));
    expect(document.querySelector('.page-meta')?.text).toMatch(/\d+ min read/);
    expect(document.querySelector('article[data-pagefind-body][data-pagefind-filter="kind:article"]')).toBeTruthy();
    expect(document.querySelector('#comments-heading')).toBeTruthy();
  });

  it('avoids the stock phrases our writing guide cuts', () => {
    const text = visibleText(builtPage(articlePath(slug)).document.querySelector('article[data-pagefind-body]')!);
    expect(text).not.toMatch(/that['’]s (fine|okay|ok)\b/i);
    expect(text).not.toMatch(/the most important (point|thing) (on|in) this/i);
  });
});
