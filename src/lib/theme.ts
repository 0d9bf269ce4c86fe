/**
 * The reader's theme choice: light or dark, or none to follow the system. One storage key for the store
 * (src/stores/theme.ts) and the inline script that applies the choice before first paint (src/security/inline-scripts.ts).
 */
export type Theme = 'light' | 'dark';

export const themeStorageKey = 'back-together:theme';

/** A stored value as a theme; anything else (garbage, another app's value) means "follow the system". */
export function themeFrom(value: unknown): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}
