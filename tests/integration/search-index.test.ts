import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../support/paths';
import { builtPage, builtPages, visibleText } from '../support/site';
import { chunkLocations, readPagefindFile } from '../../src/integrations/search-bundle';
import { decodeCbor } from '../../src/lib/cbor';
import { chunkWords, wordLocations } from '../../src/lib/search-index-chunks';
import { indexedPages, pagefindDir } from '../support/search-index';

const pages = indexedPages();
const byUrl = new Map(pages.map((page) => [page.url, page]));
const allText = pages.map((page) => page.content).join('\n');

interface QuizFile {
  title: string;
  questions: { prompt: string; hint?: string; options?: { label: string; explanation?: string }[] }[];
  bands: { title: string; guidance: string }[];
}
const quizzes = readdirSync(join(repoRoot, 'content/quizzes'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => parseYaml(readFileSync(join(repoRoot, 'content/quizzes', name), 'utf8')) as QuizFile);

const stepPaths = builtPages().filter((page) => /^\/steps\/[^/]+\/$/.test(page.path)).map((page) => page.path);
const articlePaths = builtPages().filter((page) => /^\/articles\/[^/]+\/$/.test(page.path)).map((page) => page.path);

describe('the search index', () => {
  it('is built into the client output by the build itself, without the bundled UIs the site does not use', () => {
    for (const file of ['pagefind.js', 'pagefind-highlight.js', 'pagefind-entry.json']) {
      expect(existsSync(join(pagefindDir, file)), file).toBe(true);
    }
    expect(readdirSync(pagefindDir).filter((name) => /^wasm\..*\.pagefind$/.test(name)).length).toBeGreaterThan(0);
    expect(readdirSync(pagefindDir).filter((name) => /-ui\.(js|css)$/.test(name))).toEqual([]);
  });

  it('splits the words into small chunks, and stores data files plain beside their brotli and gzip copies', () => {
    const chunks = readdirSync(join(pagefindDir, 'index')).filter((name) => name.endsWith('.pf_index'));
    expect(chunks.length).toBeGreaterThan(3);
    for (const name of chunks) {
      const words = chunkWords(decodeCbor(readPagefindFile(join(pagefindDir, 'index', name))));
      const locations = words.reduce((total, word) => total + wordLocations(word), 0);
      // A chunk closes at the first word that takes it to the limit.
      expect(locations - wordLocations(words.at(-1)!), name).toBeLessThan(chunkLocations);
    }
    for (const file of ['wasm.en-gb.pagefind', `index/${chunks[0]}`]) {
      expect(readFileSync(join(pagefindDir, file)).subarray(0, 12).toString(), file).toBe('pagefind_dcd');
      expect(statSync(join(pagefindDir, `${file}.br`)).size, file).toBeLessThan(statSync(join(pagefindDir, file)).size);
      expect(existsSync(join(pagefindDir, `${file}.gz`)), file).toBe(true);
    }
  });

  it('holds every step, article and guide page, and nothing that is not content', () => {
    for (const path of [...stepPaths, ...articlePaths, '/before-you-start/', '/if-it-doesnt-work-out/', '/about/']) {
      expect(byUrl.has(path), path).toBe(true);
    }
    const urls = pages.map((page) => page.url);
    expect(urls.filter((url) => url.includes('/result/')), 'shared quiz results').toEqual([]);
    for (const url of ['/search/', '/404.html', '/articles/', '/progress/', '/admin/']) expect(urls, url).not.toContain(url);
  });

  it('files steps, articles and pages under a kind filter, with the step number as metadata', () => {
    for (const path of stepPaths) {
      const page = byUrl.get(path)!;
      expect(page.filters['kind'], path).toEqual(['step']);
      expect(page.meta['step'], path).toMatch(/^[1-9]$/);
    }
    const stepNumbers = stepPaths.map((path) => Number(byUrl.get(path)!.meta['step'])).sort((a, b) => a - b);
    expect(stepNumbers).toEqual(stepPaths.map((_, index) => index + 1));
    for (const path of articlePaths) expect(byUrl.get(path)!.filters['kind'], path).toEqual(['article']);
    expect(byUrl.get('/before-you-start/')!.filters['kind']).toEqual(['page']);
    // The title is the page's h1, which a result shows.
    expect(byUrl.get('/steps/take-time/')!.meta['title']).toBe(builtPage('/steps/take-time/').document.querySelector('h1')!.text.trim());
  });

  it('indexes the article body: the guide text and its section headings', () => {
    const takeTime = byUrl.get('/steps/take-time/')!;
    const article = builtPage('/steps/take-time/').document.querySelector('.prose')!;
    const firstParagraph = visibleText(article.querySelector('p')!);
    expect(takeTime.content).toContain(firstParagraph.slice(0, 60));
    const headingIds = article.querySelectorAll('h2, h3').map((heading) => heading.getAttribute('id'));
    expect(takeTime.anchors.map((anchor) => anchor.id)).toEqual(expect.arrayContaining(headingIds));
  });

  it('leaves out quizzes: no question, answer, explanation or result text', () => {
    expect(quizzes.length).toBeGreaterThan(0);
    const quizText = quizzes.flatMap((quiz) => [
      ...quiz.questions.flatMap((question) => [question.prompt, question.hint, ...(question.options ?? []).flatMap((option) => [option.label, option.explanation])]),
      ...quiz.bands.map((band) => band.guidance),
    ]);
    const leaked = quizText.filter((text): text is string => !!text && text.length >= 25 && allText.includes(text.replace(/\s+/g, ' ').trim()));
    expect(leaked).toEqual([]);
  });

  it('leaves out navigation, page chrome, share bars, comments and footers', () => {
    const chrome = [
      'Skip to content',
      'Or press Shift 3 times',
      'Dark theme',
      'Name (optional)',
      'On this page',
      'The nine steps',
      'Share this page',
      'Copy link',
      'Link to the section',
      'min read',
      'Last updated',
      'Back Together is a guide, not therapy',
      'Mark this step done',
    ];
    const guidePages = pages.filter((page) => page.url !== '/');
    for (const text of chrome) {
      const found = guidePages.filter((page) => page.content.includes(text)).map((page) => page.url);
      expect(found, `"${text}"`).toEqual([]);
    }
    // Comments and their form live outside the indexed article on every commentable page.
    for (const path of [...stepPaths, ...articlePaths]) {
      const { document } = builtPage(path);
      for (const outside of document.querySelectorAll('.share, .prev-next, .step-nav, .site-header, .site-footer, .quiz-block')) {
        expect(outside.closest('[data-pagefind-body]') === null || outside.closest('[data-pagefind-ignore]') !== null, `${path}: ${outside.tagName}.${outside.classNames}`).toBe(true);
      }
    }
  });
});
