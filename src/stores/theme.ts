/**
 * The reader's theme choice, persisted in localStorage under `back-together:theme` and synced across tabs
 * (@nanostores/persistent): 'light' or 'dark', or undefined to follow the system. Stored as the bare word, which the
 * inline boot script (src/security/inline-scripts.ts) reads before first paint.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { themeFrom, themeStorageKey, type Theme } from '../lib/theme';
import { writeOrWarn } from './write-or-warn';

const storedTheme = persistentAtom<Theme | undefined>(themeStorageKey, undefined, {
  // Following the system removes the key, so "delete everything" leaves nothing behind.
  encode: (theme) => theme,
  decode: themeFrom,
});

/** The chosen theme (read-only; change it with chooseTheme). */
export const chosenTheme: ReadableAtom<Theme | undefined> = storedTheme;

/** Picks a theme, or (undefined) goes back to following the system. */
export function chooseTheme(theme: Theme | undefined): void {
  writeOrWarn(storedTheme, () => theme, 'could not save the theme choice on this device.');
}
