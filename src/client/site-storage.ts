import { OWN_KEYS_STORAGE_KEY } from '../lib/comments/own-keys';
import { stateStorageKey } from '../lib/reader-state';
import { themeStorageKey } from './theme';

/** Removes every key this site keeps in localStorage: progress, comment edit keys and the theme choice. */
export function forgetSiteStorage(): void {
  try {
    localStorage.removeItem(stateStorageKey);
    localStorage.removeItem(OWN_KEYS_STORAGE_KEY);
    localStorage.removeItem(themeStorageKey);
  } catch {
    // Storage is off: there is nothing saved to forget.
  }
}
