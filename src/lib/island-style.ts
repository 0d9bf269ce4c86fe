/**
 * Astro writes the islands' one style rule (`astro-island,…{display:contents}`) just before the first island of a
 * page, wherever that is; HTML allows <style> only in <head>, and html-validate rejects it inside <section>. The
 * built pages get it moved into <head>: the same text, so the page's CSP hash for it still matches.
 */
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';

const islandStyleTag = `<style>${ISLAND_STYLES}</style>`;

/** The page with Astro's island style moved to the end of <head>; unchanged when it has none or it is there already. */
export function islandStyleInHead(html: string): string {
  const headEnd = html.indexOf('</head>');
  const at = html.indexOf(islandStyleTag);
  if (headEnd === -1 || at === -1 || at < headEnd) return html;
  const withoutStyle = html.slice(0, at) + html.slice(at + islandStyleTag.length);
  return withoutStyle.slice(0, headEnd) + islandStyleTag + withoutStyle.slice(headEnd);
}
