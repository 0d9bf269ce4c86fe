/**
 * Registers the offline service worker (written at build time) once the page has loaded, unless "Delete everything"
 * turned it off for this tab. The key and the worker's path come from src/lib/offline.ts.
 * Inline, so it costs no request; the Content-Security-Policy allows exactly this text by its hash (src/build/csp.ts).
 * A failed registration (private mode, storage full) leaves the page as it is.
 */
import { offlineOffKey, serviceWorkerPath } from '../lib/offline';

export const offlineBootScript =
  "(function(offlineOffKey,serviceWorkerPath){if('serviceWorker'in navigator){var off=null;try{off=sessionStorage.getItem(offlineOffKey)}catch(e){}" +
  "if(off===null)addEventListener('load',function(){navigator.serviceWorker.register(serviceWorkerPath).catch(function(){})})}})" +
  `(${JSON.stringify(offlineOffKey)},${JSON.stringify(serviceWorkerPath)})`;
