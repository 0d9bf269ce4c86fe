import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { cleanStores, type ReadableAtom } from 'nanostores';
import { afterEach, beforeAll, vi } from 'vitest';

/**
 * For the unit tests of a store kept in localStorage: an in-memory storage engine, and a loader that imports a fresh
 * copy of the store module reading whatever storage holds then (`stored` under `key`), as a page load would.
 */
export function freshStoreLoader<Module>(key: string, load: () => Promise<Module>, storeOf: (module: Module) => ReadableAtom) {
  let loaded: ReadableAtom | undefined;
  beforeAll(() => {
    useTestStorageEngine();
  });
  afterEach(() => {
    // Unmount at once, so this test's store stops listening to "other tabs" before the next test writes.
    if (loaded) cleanStores(loaded);
    loaded = undefined;
    cleanTestStorage();
    vi.restoreAllMocks();
  });
  return async (stored?: string): Promise<Module> => {
    if (stored !== undefined) setTestStorageKey(key, stored);
    vi.resetModules();
    const module = await load();
    loaded = storeOf(module);
    return module;
  };
}

/** Makes the test storage refuse writes under `key`, as a full or blocked localStorage does; returns the undo. */
export function refuseWrites(key: string): () => void {
  const storage = getTestStorage();
  Object.defineProperty(storage, key, {
    configurable: true,
    set() {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    },
  });
  return () => delete storage[key];
}
