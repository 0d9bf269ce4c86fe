import type { WritableAtom } from 'nanostores';

/**
 * Changes a store kept in localStorage. Storage that is full or blocked (quota, private mode) throws on write: the
 * failure is logged with `failure` and the page carries on without the change saved.
 */
export function writeOrWarn<T>(store: WritableAtom<T>, change: (value: T) => T, failure: string): void {
  try {
    store.set(change(store.get()));
  } catch (error) {
    console.warn(`Back Together: ${failure}`, error);
  }
}
