/**
 * Runs inline right after a quiz block (src/components/QuizBlock.astro), before first paint: when this browser has a
 * saved result for that quiz, it marks the block so that room is kept for the result (src/styles/reader-tools.css),
 * and the result the island shows after hydration does not push the page down. Same text on every page, allowed by
 * its hash in the page's Content-Security-Policy. The key and version come from src/lib/reader-state.ts, so a
 * version bump reaches this script too.
 */
import { stateStorageKey, stateVersion } from '../lib/reader-state';

export const quizResultRoomScript =
  '(function(s,stateStorageKey,stateVersion){try{var b=s.previousElementSibling,d=JSON.parse(localStorage.getItem(stateStorageKey)||\'0\');' +
  "if(d&&d.v===stateVersion&&d.quizzes&&Object.prototype.hasOwnProperty.call(d.quizzes,b.dataset.quizBlock))b.dataset.hasResult=''}catch(e){}})" +
  `(document.currentScript,${JSON.stringify(stateStorageKey)},${stateVersion})`;
