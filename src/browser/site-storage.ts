import { OWN_KEYS_STORAGE_KEY } from '../lib/comments/own-keys';
import { stateStorageKey } from '../lib/reader-state';
import { readPagesStorageKey } from '../lib/read-pages';
import { themeStorageKey } from '../lib/theme';

/** Removes every key this site keeps in localStorage: progress, comment edit keys, the theme choice and pages read. */
export function forgetSiteStorage(): void {
  try {
    localStorage.removeItem(stateStorageKey);
    localStorage.removeItem(OWN_KEYS_STORAGE_KEY);
    localStorage.removeItem(themeStorageKey);
    localStorage.removeItem(readPagesStorageKey);
  } catch {
    // Storage is off: there is nothing saved to forget.
  }
}
