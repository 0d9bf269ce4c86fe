/**
 * Registers the offline service worker a few seconds after the page has loaded (`offlineCopyDelayMs`), unless
 * "Delete everything" turned it off for this tab. Part of the site script, which a reader downloads once for every
 * page, rather than inline in each page. A failed registration (private mode, storage full) changes nothing.
 */
import { offlineCopyDelayMs, offlineOffKey, serviceWorkerPath } from '../lib/offline';

/** What the registration uses of the browser (a test passes its own). */
export interface RegistrationPage {
  navigator: { serviceWorker?: { register(path: string): Promise<unknown> } };
  sessionStorage: Pick<Storage, 'getItem'>;
  document: Pick<Document, 'readyState'>;
  addEventListener(type: 'load', listener: () => void): void;
  setTimeout(run: () => void, delayMs: number): unknown;
}

export function registerOfflineWorker(page: RegistrationPage): void {
  const worker = page.navigator.serviceWorker;
  if (!worker) return;
  try {
    if (page.sessionStorage.getItem(offlineOffKey) !== null) return;
  } catch {
    // Storage blocked: nothing says offline copies are off.
  }
  const register = () => page.setTimeout(() => worker.register(serviceWorkerPath).catch(() => undefined), offlineCopyDelayMs);
  if (page.document.readyState === 'complete') register();
  else page.addEventListener('load', register);
}

registerOfflineWorker(globalThis as unknown as RegistrationPage);
