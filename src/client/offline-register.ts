/**
 * Registers the offline service worker (/sw.js, written at build time) once the page has loaded, so it never
 * competes with the page itself. Reading online works the same when a browser has no service workers.
 */
import { offlineOffKey } from '../lib/offline';

function offlineTurnedOff(): boolean {
  try {
    return sessionStorage.getItem(offlineOffKey) !== null;
  } catch {
    return false;
  }
}

if ('serviceWorker' in navigator && !offlineTurnedOff()) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline copy this time (private mode, storage full): the page itself is unaffected.
    });
  });
}
