/** The reader's theme choice, kept in localStorage; storage failures (private mode, quota) are ignored. */

export type Theme = 'light' | 'dark';
export const themeStorageKey = 'back-together:theme';

/** The stored theme, or null for "follow the system" (also when storage is unreadable or holds garbage). */
export function readStoredTheme(): Theme | null {
  try {
    const stored = localStorage.getItem(themeStorageKey);
    return stored === 'light' || stored === 'dark' ? stored : null;
  } catch {
    return null;
  }
}

export function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(themeStorageKey, theme);
  } catch {
    // Storage is off: the choice lasts for this page only.
  }
}

/** Sets or clears html[data-theme]. */
export function applyTheme(theme: Theme | null): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
