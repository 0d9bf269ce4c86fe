/**
 * Every inline script the site renders (`<script is:inline>`), with the hash that lets the Content-Security-Policy
 * run exactly that text. Astro hashes the scripts it bundles, not inline ones: a new inline script goes in this list,
 * and the component renders `script.text` and allows `script.hash` (or the script is on every page, see csp.ts).
 * Only the scripts' text comes from outside src/security (string constants, nothing that runs here).
 */
import { createHash } from 'node:crypto';
import { themeBootScript } from '../client/theme-boot.ts';
import { offlineBootScript } from '../client/offline-boot.ts';
import { stateStorageKey, stateVersion } from '../lib/reader-state.ts';

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

/** Applies the stored theme before first paint (every page, in <head>). */
export const themeBoot = inlineScript(themeBootScript);

/** Registers the offline service worker after load (every page). */
export const offlineBoot = inlineScript(offlineBootScript);

/**
 * After a quiz block (src/components/QuizBlock.astro), before first paint: when this browser has a saved result for
 * the quiz, keeps room for it (reader-tools.css), so the result the island shows after hydration does not push the
 * page down. The storage key and version are the reader state's own, so a version bump changes this script too.
 */
export const quizResultRoom = inlineScript(
  `(function(s){try{var b=s.previousElementSibling,d=JSON.parse(localStorage.getItem('${stateStorageKey}')||'0');` +
    `if(d&&d.v===${stateVersion}&&d.quizzes&&Object.prototype.hasOwnProperty.call(d.quizzes,b.dataset.quizBlock))` +
    `b.dataset.hasResult=''}catch(e){}})(document.currentScript)`,
);

/** Scripts in the layout of every page: their hashes go into every page's policy (csp.ts). */
export const everyPageScripts: readonly InlineScript[] = [themeBoot, offlineBoot];
