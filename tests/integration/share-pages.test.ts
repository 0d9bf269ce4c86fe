import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clientDir, repoRoot } from '../support/paths';
import { builtPage, builtPages, fileForPath, visibleText } from '../support/site';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/server/entry/site-url.mjs';

const siteUrl = siteOrigin(process.env.SITE_URL) ?? DEFAULT_SITE_URL;
const pages = builtPages();
const meta = (path: string, key: string) =>
  builtPage(path).document.querySelector(`head meta[name="${key}"], head meta[property="${key}"]`)?.getAttribute('content');

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface QuizFile {
  title: string;
  intro: string;
  questions: { prompt: string; hint?: string; options?: { id: string; label: string; explanation?: string }[]; yes?: { explanation?: string }; no?: { explanation?: string } }[];
  bands: { id: string; title: string; guidance: string; next: { href: string }; flag?: string }[];
}
const quizzes = readdirSync(join(repoRoot, 'content/quizzes'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ id: name.replace(/\.yaml$/, ''), ...(parseYaml(readFileSync(join(repoRoot, 'content/quizzes', name), 'utf8')) as QuizFile) }));
/** Same mapping as src/lib/guide.ts quizPagePath: two quizzes live on pages, the rest on their step. */
const quizPage = (id: string) => ({ readiness: '/before-you-start/', 'if-it-doesnt-work-out': '/if-it-doesnt-work-out/' })[id] ?? `/steps/${id}/`;
const resultPages = quizzes.flatMap((quiz) => quiz.bands.map((band) => ({ quiz, band, path: `${quizPage(quiz.id)}result/${band.id}/` })));
/** Safety and crisis results point to help and are never offered for sharing. */
const isSafetyResult = ({ band }: (typeof resultPages)[number]) => band.flag === 'safety' || band.flag === 'crisis';
const shareableResults = resultPages.filter((result) => !isSafetyResult(result));

const stepAndArticlePaths = pages.filter((page) => /^\/(steps|articles)\/[^/]+\/$/.test(page.path)).map((page) => page.path);

describe('preview images', () => {
  it.each(pages.filter((page) => page.path !== '/404.html').map((page) => [page.path]))('%s points og:image at a 1200×630 PNG that exists', (path) => {
    const image = meta(path, 'og:image')!;
    expect(image.startsWith(`${siteUrl}/og/`), image).toBe(true);
    const file = fileForPath(image.slice(siteUrl.length));
    expect(file, `${image} is built`).toBeTruthy();
    expect(pngSize(readFileSync(file!))).toEqual({ width: 1200, height: 630 });
    expect(meta(path, 'og:image:width')).toBe('1200');
    expect(meta(path, 'og:image:height')).toBe('630');
    expect(meta(path, 'og:image:alt')?.length).toBeGreaterThan(10);
    expect(meta(path, 'twitter:card')).toBe('summary_large_image');
  });

  it('gives every step and article its own image, named after the page', () => {
    const images = stepAndArticlePaths.map((path) => meta(path, 'og:image'));
    expect(new Set(images).size).toBe(stepAndArticlePaths.length);
    for (const path of stepAndArticlePaths) {
      expect(meta(path, 'og:image'), path).toBe(`${siteUrl}/og${path.slice(0, -1)}.png`);
      const title = builtPage(path).document.querySelector('h1')!.text.trim();
      expect(meta(path, 'og:image:alt'), path).toContain(title);
    }
    expect(meta('/steps/take-time/', 'og:image:alt')).toMatch(/^Step 3 of 9 · Take time apart first · Back Together$/);
  });

  it('renders a different picture for different pages', () => {
    const bytes = (path: string) => readFileSync(join(clientDir, 'og', `${path}.png`)).toString('base64');
    expect(bytes('steps/take-time')).not.toBe(bytes('steps/casual-date'));
    expect(bytes('default')).not.toBe(bytes('steps/take-time'));
  });
});

describe('shared quiz results', () => {
  it('exist for every band of every quiz', () => {
    expect(quizzes.length).toBeGreaterThan(0);
    const missing = resultPages.filter(({ path }) => !fileForPath(path)).map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it.each(resultPages.map((result) => [result.path, result]))('%s shows the band and invites the visitor to take the quiz', (path, { quiz, band }) => {
    const { document } = builtPage(path);
    const main = document.querySelector('main')!;
    expect(main.querySelector('h1')!.text.trim()).toBe(band.title);
    expect(visibleText(main)).toContain(band.guidance.replace(/\s+/g, ' ').trim());
    expect(main.querySelector(`a[href="${band.next.href}"]`)).toBeTruthy();
    const toQuiz = main.querySelectorAll(`a[href="${quizPage(quiz.id)}"]`).map((link) => link.text);
    expect(toQuiz.some((text) => text.includes(quiz.title)), toQuiz.join(' | ')).toBe(true);
    expect(visibleText(main)).toMatch(/Take the check-in yourself/);
    expect(meta(path, 'robots')).toBe('noindex');
  });

  it.each(resultPages.map((result) => [result.path, result]))('%s contains no answer data', (path, { quiz }) => {
    const { html, document } = builtPage(path);
    const answerText = quiz.questions.flatMap((question) => [
      question.prompt,
      question.hint,
      question.yes?.explanation,
      question.no?.explanation,
      ...(question.options ?? []).flatMap((option) => [option.label, option.explanation]),
    ]);
    const shown = visibleText(document.querySelector('body')!);
    const leaked = answerText.filter((text): text is string => !!text && text.length >= 12 && shown.includes(text.replace(/\s+/g, ' ').trim()));
    expect(leaked).toEqual([]);
    // No island receives quiz data, and nothing on the page reads or links with answers.
    expect(html).not.toMatch(/"questions"|answers=|[?&](a|answers|score)=/);
    expect(document.querySelectorAll('astro-island').every((island) => !/questions|options/.test(island.getAttribute('props') ?? ''))).toBe(true);
  });

  it.each(resultPages.map((result) => [result.path, result]))('%s previews discreetly: the guide page, never the result', (path, { band }) => {
    for (const key of ['og:title', 'og:description', 'og:image:alt', 'twitter:title', 'twitter:description']) {
      expect(meta(path, key), key).not.toContain(band.title);
    }
    expect(builtPage(path).document.querySelector('title')!.text).not.toContain(band.title);
    expect(meta(path, 'og:image')).toBe(`${siteUrl}/og${path.slice(0, -1)}.png`);
    for (const link of builtPage(path).document.querySelectorAll('.share a')) expect(decodeURIComponent(link.getAttribute('href')!)).not.toContain(band.title);
  });

  it.each(resultPages.filter(isSafetyResult).map((result) => [result.path]))('%s (a safety result) offers no share controls', (path) => {
    const { document } = builtPage(path);
    expect(document.querySelector('.share')).toBeNull();
    expect(document.querySelector('main')!.text).not.toContain('Share this result');
  });

  it('the crisis result shows how to find help today', () => {
    const crisis = resultPages.find(({ band }) => band.flag === 'crisis')!;
    const text = builtPage(crisis.path).document.querySelector('main .crisis')!.text;
    for (const help of ['emergency number', 'crisis line', 'same-day appointment with a doctor', 'under 18, tell a trusted adult']) expect(text).toContain(help);
  });
});

describe('share controls', () => {
  it.each([...stepAndArticlePaths, ...shareableResults.map((result) => result.path)].map((path) => [path]))(
    '%s has email and messenger links with the canonical URL and no tracking',
    (path) => {
      const { document } = builtPage(path);
      const share = document.querySelector('.share')!;
      expect(share, 'share control').toBeTruthy();
      expect(share.closest('[data-pagefind-body]') === null || share.closest('[data-pagefind-ignore]') !== null).toBe(true);
      const hrefs = share.querySelectorAll('a').map((link) => link.getAttribute('href')!);
      expect(hrefs.map((href) => href.split(/[:?]/)[0])).toEqual(['mailto', 'https', 'https', 'sms']);
      const canonical = `${siteUrl}${path}`;
      for (const href of hrefs) {
        const decoded = decodeURIComponent(href);
        expect(decoded, href).toContain(canonical);
        expect(decoded, href).not.toMatch(/utm_|fbclid|gclid|ref=|pagefind-highlight/);
      }
      // Share text is the page title and the site name.
      const title = path.includes('/result/') ? undefined : document.querySelector('h1')!.text.trim();
      if (title) expect(decodeURIComponent(hrefs[0]!)).toContain(`subject=${title} · Back Together`);
      // No third-party scripts anywhere on the page.
      const scripts = document.querySelectorAll('script[src]').map((script) => script.getAttribute('src')!);
      expect(scripts.filter((src) => /^(https?:)?\/\//.test(src))).toEqual([]);
    },
  );
});

describe('section links', () => {
  it.each(pages.filter((page) => page.document.querySelector('.prose')).map((page) => [page.path]))('%s has an anchor beside every h2 and h3', (path) => {
    const { document } = builtPage(path);
    const headings = document.querySelectorAll('.prose h2, .prose h3');
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) {
      const id = heading.getAttribute('id');
      expect(id, heading.text).toBeTruthy();
      const anchor = heading.parentNode!.querySelector(':scope > a.heading-anchor');
      expect(anchor, `#${id}`).toBeTruthy();
      expect(anchor!.getAttribute('href')).toBe(`${siteUrl}${path}#${id}`);
      expect(anchor!.hasAttribute('data-pagefind-ignore')).toBe(true);
      // The heading's own text stays clean: the anchor sits beside it.
      expect(heading.querySelector('a.heading-anchor')).toBeNull();
    }
  });
});
