/** "Delete everything" for the offline copy: the service worker and every cache of this site in this browser. */
import { offlineOffKey } from '../lib/offline';

export async function forgetOfflineCopies(): Promise<void> {
  try {
    sessionStorage.setItem(offlineOffKey, '1');
  } catch {
    // Storage is off: nothing to remember it with, and the copy is still deleted below.
  }
  if ('serviceWorker' in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((registration) => registration.unregister()));
  }
  if ('caches' in globalThis) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}
