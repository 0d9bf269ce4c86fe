import { describe, expect, it } from 'vitest';
import { stateStorageKey, stateVersion } from '../../src/lib/reader-state';
import { themeStorageKey } from '../../src/lib/theme';
import { quizResultRoom, themeBoot } from '../../src/security/inline-scripts';

/** A localStorage holding `entries`, or one that throws like blocked storage does (null). */
const storage = (entries: Record<string, string> | null) => ({
  getItem(key: string) {
    if (entries === null) throw new DOMException('blocked', 'SecurityError');
    return entries[key] ?? null;
  },
});

describe('the theme boot script', () => {
  function themeAfterBoot(entries: Record<string, string> | null): string | undefined {
    const document = { documentElement: { dataset: {} as Record<string, string> } };
    new Function('localStorage', 'document', themeBoot.text)(storage(entries), document);
    return document.documentElement.dataset['theme'];
  }

  it('applies the theme the store saved under its key', () => {
    expect(themeAfterBoot({ [themeStorageKey]: 'dark' })).toBe('dark');
    expect(themeAfterBoot({ [themeStorageKey]: 'light' })).toBe('light');
  });

  it('follows the system for nothing stored, anything else stored, or blocked storage', () => {
    expect(themeAfterBoot({})).toBeUndefined();
    expect(themeAfterBoot({ [themeStorageKey]: 'blue' })).toBeUndefined();
    expect(themeAfterBoot(null)).toBeUndefined();
  });
});

describe('the quiz result room script', () => {
  function marked(entries: Record<string, string> | null, quizId = 'take-time'): boolean {
    const block = { dataset: { quizBlock: quizId } as Record<string, string> };
    const document = { currentScript: { previousElementSibling: block } };
    new Function('localStorage', 'document', quizResultRoom.text)(storage(entries), document);
    return 'hasResult' in block.dataset;
  }
  const saved = (version: number) => ({ [stateStorageKey]: JSON.stringify({ v: version, quizzes: { 'take-time': {} }, steps: {}, journal: {} }) });

  it('keeps room when the saved state of this version has a result for the quiz', () => {
    expect(marked(saved(stateVersion))).toBe(true);
    expect(marked(saved(stateVersion), 'readiness')).toBe(false);
  });

  it('keeps no room for another version, damaged data or blocked storage', () => {
    expect(marked(saved(stateVersion + 1))).toBe(false);
    expect(marked({ [stateStorageKey]: '{not json' })).toBe(false);
    expect(marked({})).toBe(false);
    expect(marked(null)).toBe(false);
  });
});
