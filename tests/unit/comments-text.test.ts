/** Comment text for display: paragraphs, line breaks and http(s) links, and nothing else, whatever the input. */
import fc from 'fast-check';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { COMMENT_LINK_REL, containsLink, paragraphsOf, safeHref, segmentsOf } from '../../src/lib/comments/text.ts';
import CommentBody from '../../src/islands/comments/CommentBody.tsx';

/** Text and characters that mean something to HTML, URLs or JavaScript. */
const tricky = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '&#106;avascript:alert(1)',
  'https://example.com/"onmouseover="alert(1)',
  "https://example.com/'><b>",
  'http://',
  'https://a.example/path?q=1&r=<x>#frag',
  'data:text/html,<script>alert(1)</script>',
  '<!-- comment -->',
  ']]>',
  '&amp;&lt;',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '(https://example.org/wiki/Foo_(bar))',
);
const anyText = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 25 })
  .map((parts) => parts.join(''));

function visibleText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .join('');
}

const decode = (html: string) =>
  html.replace(/&(lt|gt|quot|amp|#39|#x27|apos);/g, (_match, entity: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#x27': "'", apos: "'" })[entity] ?? '');

describe('paragraphsOf', () => {
  it('splits paragraphs on blank lines and lines on single breaks', () => {
    expect(paragraphsOf('one\ntwo\r\n\r\n  \nthree')).toEqual([
      [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]],
      [[{ kind: 'text', text: 'three' }]],
    ]);
    expect(paragraphsOf('\n\n')).toEqual([]);
  });

  it('links http(s) addresses and leaves the sentence punctuation outside', () => {
    expect(segmentsOf('See https://example.com/a?b=1, then (http://x.example/y).')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', then (' },
      { kind: 'link', text: 'http://x.example/y', href: 'http://x.example/y' },
      { kind: 'text', text: ').' },
    ]);
    expect(segmentsOf('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' },
    ]);
  });

  it('never links anything but http(s)', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,x', '&#104;ttps://example.com', 'https:/example.com', 'http://', 'ftp://example.com', 'HTTP://']) {
      expect(segmentsOf(text).every((segment) => segment.kind === 'text')).toBe(true);
    }
    expect(safeHref('https://exa mple.com')).toBeNull();
    expect(safeHref('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it('tells whether a text holds a link', () => {
    expect(containsLink('plain words')).toBe(false);
    expect(containsLink('line\nhttps://example.com')).toBe(true);
    expect(containsLink('example.com without a scheme')).toBe(false);
  });

  it('keeps every visible character, in order, for any input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const joined = paragraphsOf(text)
          .flat(2)
          .map((segment) => segment.text)
          .join('');
        expect(joined).toBe(visibleText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('makes every link an absolute http(s) URL', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const segment of paragraphsOf(text).flat(2)) {
          if (segment.kind !== 'link') continue;
          const url = new URL(segment.href);
          expect(['http:', 'https:']).toContain(url.protocol);
          expect(segment.href).toBe(url.href);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('CommentBody', () => {
  const ALLOWED_TAG = new RegExp(
    `^(?:<div class="comment-body" dir="auto">|</div>|<p>|</p>|<br/?>|</a>|<a href="https?://[^"<>]*" rel="${COMMENT_LINK_REL}">)$`,
  );

  it('renders inert markup for any input: only its own p, br and a tags, and the text back as text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const html = renderToString(h(CommentBody, { text }));
        for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(ALLOWED_TAG);
        expect(html).not.toMatch(/<(?!\/?(?:div|p|br|a)\b)/);
        expect(decode(html.replace(/<[^>]*>/g, ''))).toBe(visibleText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('renders paragraphs, line breaks and links', () => {
    expect(renderToString(h(CommentBody, { text: 'Hi <b>\nsee https://example.com.\n\nBye' }))).toBe(
      `<div class="comment-body" dir="auto"><p>Hi &lt;b><br/>see <a href="https://example.com/" rel="${COMMENT_LINK_REL}">https://example.com</a>.</p><p>Bye</p></div>`,
    );
  });
});
