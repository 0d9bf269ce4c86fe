import { describe, expect, it } from 'vitest';
import { stateStorageKey, stateVersion } from '../../src/lib/reader-state';
import { themeStorageKey } from '../../src/lib/theme';
import { headScript } from '../../src/security/inline-scripts';

/** A localStorage holding `entries`, or one that throws like blocked storage does (null). */
const storage = (entries: Record<string, string> | null) => ({
  getItem(key: string) {
    if (entries === null) throw new DOMException('blocked', 'SecurityError');
    return entries[key] ?? null;
  },
});

/** Runs a page's head script over `entries`; what it set on <html>. */
function afterHead(entries: Record<string, string> | null, quizId?: string): Record<string, string> {
  const document = { documentElement: { dataset: {} as Record<string, string> } };
  new Function('localStorage', 'document', headScript(quizId).text)(storage(entries), document);
  return document.documentElement.dataset;
}

describe("the head script's theme", () => {
  it('applies the theme the store saved under its key, on pages with a quiz or without', () => {
    expect(afterHead({ [themeStorageKey]: 'dark' })['theme']).toBe('dark');
    expect(afterHead({ [themeStorageKey]: 'light' })['theme']).toBe('light');
    expect(afterHead({ [themeStorageKey]: 'dark' }, 'take-time')['theme']).toBe('dark');
  });

  it('follows the system for nothing stored, anything else stored, or blocked storage', () => {
    expect(afterHead({})['theme']).toBeUndefined();
    expect(afterHead({ [themeStorageKey]: 'blue' })['theme']).toBeUndefined();
    expect(afterHead(null)['theme']).toBeUndefined();
    expect(afterHead(null, 'take-time')).toEqual({});
  });
});

describe("the head script's room for a saved quiz result", () => {
  const saved = (version: number, theme?: string) => ({
    [stateStorageKey]: JSON.stringify({ v: version, quizzes: { 'take-time': {} }, steps: {}, journal: {} }),
    ...(theme && { [themeStorageKey]: theme }),
  });

  it("marks the page when the saved state of this version has a result for the page's quiz", () => {
    expect(afterHead(saved(stateVersion), 'take-time')).toEqual({ quizResult: 'take-time' });
    expect(afterHead(saved(stateVersion, 'dark'), 'take-time')).toEqual({ theme: 'dark', quizResult: 'take-time' });
    expect(afterHead(saved(stateVersion), 'readiness')).toEqual({});
    // A page without a quiz never reads the reader's state.
    expect(afterHead(saved(stateVersion))).toEqual({});
    expect(headScript().text).not.toContain(stateStorageKey);
  });

  it('keeps no room for another version, damaged data or blocked storage', () => {
    expect(afterHead(saved(stateVersion + 1), 'take-time')).toEqual({});
    expect(afterHead({ [stateStorageKey]: '{not json' }, 'take-time')).toEqual({});
    expect(afterHead({ [stateStorageKey]: 'null' }, 'take-time')).toEqual({});
    expect(afterHead({}, 'take-time')).toEqual({});
  });

  it('cannot be broken out of by a quiz id', () => {
    const hostile = `x"});alert(1);("</script>`;
    expect(afterHead({ [stateStorageKey]: JSON.stringify({ v: stateVersion, quizzes: { [hostile]: {} } }) }, hostile)).toEqual({ quizResult: hostile });
    expect(headScript(hostile).text).not.toContain('</');
  });
});
