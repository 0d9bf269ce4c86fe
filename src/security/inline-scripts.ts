/**
 * Every inline script the site renders (`<script is:inline>`), its text and the hash that lets the
 * Content-Security-Policy run exactly that text. Astro hashes the scripts it bundles, not inline ones: a new inline
 * script goes in this file, and the component renders `script.text` and allows `script.hash` on its page
 * (`Astro.csp.insertScriptHash`), so a page's policy allows no script that page does not have. The texts take their
 * storage keys and versions from src/lib/, so a key or version bump reaches them (and their hashes) on the next
 * build. tests/unit/boot-scripts.test.ts runs each text.
 */
import { createHash } from 'node:crypto';
import islandRuntime from 'astro/runtime/server/astro-island.prebuilt.js';
import islandRuntimeDev from 'astro/runtime/server/astro-island.prebuilt-dev.js';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import loadDirective from 'astro/runtime/client/load.prebuilt.js';
import mediaDirective from 'astro/runtime/client/media.prebuilt.js';
import onlyDirective from 'astro/runtime/client/only.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { stateStorageKey, stateVersion } from '../lib/reader-state.ts';
import { themeStorageKey } from '../lib/theme.ts';

/** A CSP hash source for an inline script or style, e.g. `sha256-…`. */
export function sha256Source(content: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

export interface InlineScript {
  text: string;
  hash: `sha256-${string}`;
}

function inlineScript(text: string): InlineScript {
  return { text, hash: sha256Source(text) };
}

/**
 * The one inline script of a page, in <head>: it has to run before first paint, so it cannot wait for a file.
 * - It applies the stored theme (the theme store's key, src/stores/theme.ts), so there is no flash of the wrong theme.
 * - On a page with a quiz (`quizId`; a page has at most one), when this browser has a saved result for it, it marks
 *   the page (`<html data-quiz-result="id">`) so that room is kept for the result (src/styles/reader-tools.css), and
 *   the result the quiz script shows once it starts does not push the page down.
 * Pages without a quiz share one text, and so one hash; each quiz's page has its own. The layout renders the text
 * and allows its hash (src/layouts/Base.astro).
 */
export function headScript(quizId?: string): InlineScript {
  const theme = "var h=document.documentElement,t=localStorage.getItem(themeStorageKey);if(t==='light'||t==='dark')h.dataset.theme=t";
  if (quizId === undefined) return inlineScript(`(function(themeStorageKey){try{${theme}}catch(e){}})(${JSON.stringify(themeStorageKey)})`);
  return inlineScript(
    `(function(themeStorageKey,stateStorageKey,stateVersion,quizId){try{${theme};var d=JSON.parse(localStorage.getItem(stateStorageKey)||'0');` +
      "if(d&&d.v===stateVersion&&d.quizzes&&Object.prototype.hasOwnProperty.call(d.quizzes,quizId))h.dataset.quizResult=quizId}catch(e){}})" +
      // `<` escaped, so no id could end the script element.
      `(${[themeStorageKey, stateStorageKey, stateVersion, quizId].map((value) => JSON.stringify(value).replaceAll('<', '\\u003c')).join(',')})`,
  );
}

/**
 * Astro's island runtime and client directives, which Astro writes inline into a page with islands and allows in every
 * page's policy (the runtime's development build too, which a built page never has). The site script loads them
 * instead on a page with islands (src/browser/island-runtime.ts): the build takes these texts out of every page and
 * their hashes out of its policy (`withoutAstroInlineCode`).
 */
export const astroInlineScripts: readonly InlineScript[] = [
  islandRuntime,
  islandRuntimeDev,
  idleDirective,
  loadDirective,
  mediaDirective,
  onlyDirective,
  visibleDirective,
].map(inlineScript);

/**
 * The page without the given inline scripts (`<script>text</script>`, as Astro writes its island runtime and client
 * directives) and without their hashes in its Content-Security-Policy <meta>, so the policy allows no script the page
 * does not have.
 */
export function withoutInlineScripts(html: string, scripts: readonly InlineScript[], tag: 'script' | 'style' = 'script'): string {
  return scripts.reduce(
    (page, { text, hash }) => page.replaceAll(`<${tag}>${text}</${tag}>`, '').replaceAll(` '${hash}'`, ''),
    html,
  );
}

/**
 * Inline styles Astro writes and allows by hash, which the site stylesheet carries instead (src/styles/global.css):
 * the islands' `display: contents` rule, and the empty style Astro hashes into every policy. The build takes them and
 * their hashes out (`withoutAstroInlineCode`), so pages allow no inline style at all.
 */
export const astroInlineStyles: readonly InlineScript[] = [ISLAND_STYLES, ''].map(inlineScript);

/**
 * A page without Astro's inline island runtime, client directives and island style, nor their hashes in its policy
 * (src/middleware.ts, as each page is prerendered, so the incremental build's cache holds pages as served).
 */
export function withoutAstroInlineCode(html: string): string {
  return withoutInlineScripts(withoutInlineScripts(html, astroInlineScripts), astroInlineStyles, 'style');
}
