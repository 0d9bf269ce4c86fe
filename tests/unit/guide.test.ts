import { describe, expect, it } from 'vitest';
import {
  articlePath,
  guideSequence,
  orderedSteps,
  pageQuiz,
  plainTextOfHtml,
  plainTextOfMarkdown,
  prevNextFor,
  quizPagePath,
  quizResultPath,
  readingMinutes,
  readingText,
  stepLinks,
  stepPath,
} from '../../src/lib/guide';

const step = (id: string, number: number) => ({ id, data: { step: number, title: `Title ${id}`, navTitle: `Nav ${id}` } });
const shuffled = [step('c', 3), step('a', 1), step('b', 2)];

describe('paths', () => {
  it('builds step and article paths with a trailing slash', () => {
    expect(stepPath('take-time')).toBe('/steps/take-time/');
    expect(articlePath('no-contact')).toBe('/articles/no-contact/');
  });

  it('puts quizzes on their page and results beneath it', () => {
    expect(quizPagePath('take-time')).toBe('/steps/take-time/');
    expect(quizPagePath('readiness')).toBe('/before-you-start/');
    expect(quizPagePath('if-it-doesnt-work-out')).toBe('/if-it-doesnt-work-out/');
    expect(quizResultPath('readiness', 'ready')).toBe('/before-you-start/result/ready/');
    expect(quizResultPath('casual-date', 'not-yet')).toBe('/steps/casual-date/result/not-yet/');
  });
});

describe('navigation order', () => {
  it('orders steps by number', () => {
    expect(orderedSteps(shuffled).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses gaps and repeats in step numbers, naming the entry', () => {
    expect(() => orderedSteps([step('a', 1), step('c', 3)])).toThrow(/"c" has 3, expected 2/);
    expect(() => orderedSteps([step('a', 1), step('b', 1)])).toThrow(/"b" has 1, expected 2/);
  });

  it('reads before-you-start, the steps, then the way out', () => {
    expect(guideSequence(shuffled).map((link) => link.href)).toEqual([
      '/before-you-start/',
      '/steps/a/',
      '/steps/b/',
      '/steps/c/',
      '/if-it-doesnt-work-out/',
    ]);
    expect(stepLinks(shuffled)[0]).toEqual({ href: '/steps/a/', title: 'Title a', navTitle: 'Nav a', step: 1 });
  });

  it('finds previous and next, with nothing past either end or off the sequence', () => {
    const sequence = guideSequence(shuffled);
    expect(prevNextFor(sequence, '/steps/b/')).toMatchObject({ prev: { href: '/steps/a/' }, next: { href: '/steps/c/' } });
    expect(prevNextFor(sequence, '/before-you-start/')).toEqual({ next: expect.objectContaining({ href: '/steps/a/' }) });
    expect(prevNextFor(sequence, '/if-it-doesnt-work-out/')).toEqual({ prev: expect.objectContaining({ href: '/steps/c/' }) });
    expect(prevNextFor(sequence, '/about/')).toEqual({});
  });
});

describe('reading time', () => {
  it('is at least a minute and rounds at 200 words a minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('word '.repeat(150))).toBe(1);
    expect(readingMinutes('word '.repeat(500))).toBe(3);
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
  });

  it('counts the words a reader sees, not Markdown syntax', () => {
    const markdown = '## A heading\n\nSome [linked text](/steps/take-time/) and **bold** words.\n\n- one\n- two\n\n<Quiz id="x" />';
    expect(plainTextOfMarkdown(markdown)).toBe('A heading Some linked text and bold words. one two');
  });

  it('counts the same words in rendered HTML, without the heading anchors', () => {
    const html =
      '<div class="heading-wrapper"><h2 id="a-heading">A heading</h2><a class="heading-anchor" href="#a-heading" data-pagefind-ignore>' +
      '<span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “A heading”</span></a></div>\n' +
      '<p>Some <a href="/steps/take-time/">linked text</a> and <strong>bold</strong> words.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>';
    expect(plainTextOfHtml(html)).toBe('A heading Some linked text and bold words. one two');
  });

  it("reads an entry's source, else its rendered HTML, else its file without frontmatter", () => {
    const noFile = () => {
      throw new Error('read the file');
    };
    expect(readingText({ body: '## Kept source', rendered: { html: '<p>Rendered</p>' } }, noFile)).toBe('Kept source');
    expect(readingText({ rendered: { html: '<h2>Rendered</h2><p>only</p>' } }, noFile)).toBe('Rendered only');
    expect(readingText({}, () => '---\ntitle: An MDX article\n---\n## From the file\n\n<Quiz id="x" />\nText.\n')).toBe('From the file Text.');
  });
});

describe('pageQuiz', () => {
  it("is the quiz the MDX places, else the one the frontmatter names", () => {
    expect(pageQuiz('Text\n\n<Quiz id="take-time" />\n\nMore', 'other')).toEqual({ id: 'take-time', inBody: true });
    expect(pageQuiz("<Quiz id='readiness'/>", undefined)).toEqual({ id: 'readiness', inBody: true });
    expect(pageQuiz('Text without one', 'take-time')).toEqual({ id: 'take-time', inBody: false });
    expect(pageQuiz(undefined, undefined)).toEqual({ id: undefined, inBody: false });
  });

  it('refuses a page that places two', () => {
    expect(() => pageQuiz('<Quiz id="a" /> and <Quiz id="b" />', undefined)).toThrow(/one quiz.*a, b/);
  });
});
