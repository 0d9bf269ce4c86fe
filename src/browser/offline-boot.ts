/**
 * Registers the offline service worker (/sw.js, written at build time) once the page has loaded, unless "Delete
 * everything" turned it off for this tab (`offlineOffKey` in src/lib/offline.ts; the same text is written here).
 * Inline, so it costs no request; the Content-Security-Policy allows exactly this text by its hash (src/build/csp.ts).
 * A failed registration (private mode, storage full) leaves the page as it is.
 */
export const offlineBootScript =
  "if('serviceWorker'in navigator){var off=null;try{off=sessionStorage.getItem('back-together:offline-off')}catch(e){}if(off===null)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js').catch(function(){})})}";
