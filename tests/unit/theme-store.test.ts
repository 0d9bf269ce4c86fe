import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { cleanStores, type ReadableAtom } from 'nanostores';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { themeStorageKey } from '../../src/lib/theme';

beforeAll(() => {
  useTestStorageEngine();
});
let loaded: ReadableAtom | undefined;
afterEach(() => {
  if (loaded) cleanStores(loaded);
  cleanTestStorage();
  vi.restoreAllMocks();
});

/** A fresh copy of the store module, reading whatever storage holds now (as a page load would). */
async function loadStore(stored?: string) {
  if (stored !== undefined) setTestStorageKey(themeStorageKey, stored);
  vi.resetModules();
  const store = await import('../../src/stores/theme');
  loaded = store.chosenTheme;
  return store;
}

describe('the theme choice', () => {
  it('follows the system until the reader chooses, and then keeps the bare word the boot script reads', async () => {
    const { chosenTheme, chooseTheme } = await loadStore();
    expect(chosenTheme.get()).toBeUndefined();
    chooseTheme('dark');
    expect(chosenTheme.get()).toBe('dark');
    expect(getTestStorage()).toEqual({ [themeStorageKey]: 'dark' });
  });

  it('reads a saved choice, and treats anything else stored as following the system', async () => {
    expect((await loadStore('light')).chosenTheme.get()).toBe('light');
    cleanStores(loaded!);
    expect((await loadStore('purple')).chosenTheme.get()).toBeUndefined();
  });

  it('removes the key when the reader goes back to the system theme', async () => {
    const { chooseTheme } = await loadStore('dark');
    chooseTheme(undefined);
    expect(getTestStorage()).toEqual({});
  });

  it('carries on, with a warning, when storage refuses to save', async () => {
    const { chooseTheme } = await loadStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = getTestStorage();
    Object.defineProperty(storage, themeStorageKey, {
      configurable: true,
      set() {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    });
    expect(() => chooseTheme('dark')).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    delete storage[themeStorageKey];
  });
});
