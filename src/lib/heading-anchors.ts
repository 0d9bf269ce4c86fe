/** Section links for Markdown headings: stable ids and a visible-on-focus anchor beside each h2/h3. */

import GithubSlugger, { slug } from 'github-slugger';
import { articlePath, pagePath, stepPath } from './guide';

/** Heading levels that get an anchor link. */
export const anchoredHeadings = ['h2', 'h3'] as const;

/**
 * Slug of a heading text, by github-slugger (the slugger Astro uses for heading ids): lower-cased, everything but
 * letters, marks, numbers, connectors, spaces and hyphens dropped, each space turned into a hyphen.
 */
export function headingSlug(text: string): string {
  return slug(text);
}

/** A per-document slugger: repeated headings get -1, -2 … */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

/**
 * Site path of the page a content file renders to, or undefined for files outside the guide's
 * collections. Mirrors src/content.config.ts: `content/steps/03-take-time.mdx` → `/steps/take-time/`.
 */
export function pagePathForContentFile(filePath: string): string | undefined {
  const match = /\/content\/(steps|articles|pages)\/(?:\d+-)?([a-z0-9-]+)\.mdx?$/.exec(filePath.replace(/\\/g, '/'));
  if (!match) return undefined;
  const [, collection, slug] = match as unknown as [string, 'steps' | 'articles' | 'pages', string];
  if (collection === 'steps') return stepPath(slug);
  if (collection === 'articles') return articlePath(slug);
  return pagePath(slug);
}

/** Canonical URL of a section: the page's absolute URL with the heading's fragment. */
export function sectionUrl(siteUrl: string | undefined, path: string | undefined, slug: string): string {
  if (!siteUrl || !path) return `#${slug}`;
  return new URL(`${path}#${slug}`, `${siteUrl.replace(/\/+$/, '')}/`).href;
}

/** Minimal hast shapes, so this module needs no types from the Markdown processor. */
export interface HastText {
  type: 'text';
  value: string;
}
export interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, string | string[] | boolean>;
  children: (HastElement | HastText)[];
}

/**
 * The wrapper that goes around a heading: `div.heading-wrapper > [heading, a.heading-anchor]`.
 * The anchor sits beside the heading, not inside it, so the heading's text (the table of
 * contents, Pagefind's sub-result titles, a screen reader's heading list) stays clean.
 */
export function headingAnchorWrapper(tagName: string, headingText: string, href: string): HastElement {
  const anchor: HastElement = {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href, dataPagefindIgnore: true },
    children: [
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: `Link to the section “${headingText.trim()}”` }],
      },
    ],
  };
  return { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `heading-wrapper-${tagName}`] }, children: [anchor] };
}
