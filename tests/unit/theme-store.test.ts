import { getTestStorage } from '@nanostores/persistent';
import { describe, expect, it, vi } from 'vitest';
import { themeStorageKey } from '../../src/lib/theme';
import { freshStoreLoader, refuseWrites } from '../support/persistent-store';

/** A fresh copy of the store module, reading whatever storage holds now (as a page load would). */
const loadStore = freshStoreLoader(themeStorageKey, () => import('../../src/stores/theme'), (store) => store.chosenTheme);

describe('the theme choice', () => {
  it('follows the system until the reader chooses, and then keeps the bare word the boot script reads', async () => {
    const { chosenTheme, chooseTheme } = await loadStore();
    expect(chosenTheme.get()).toBeUndefined();
    chooseTheme('dark');
    expect(chosenTheme.get()).toBe('dark');
    expect(getTestStorage()).toEqual({ [themeStorageKey]: 'dark' });
  });

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['purple', undefined],
    ['', undefined],
  ])('reads %j as %s: anything but a theme follows the system', async (stored, theme) => {
    expect((await loadStore(stored)).chosenTheme.get()).toBe(theme);
  });

  it('removes the key when the reader goes back to the system theme', async () => {
    const { chooseTheme } = await loadStore('dark');
    chooseTheme(undefined);
    expect(getTestStorage()).toEqual({});
  });

  it('carries on, with a warning, when storage refuses to save', async () => {
    const { chooseTheme } = await loadStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const restore = refuseWrites(themeStorageKey);
    expect(() => chooseTheme('dark')).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    restore();
  });
});
