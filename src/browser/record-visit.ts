/**
 * Records that the reader opened this guide page (the one the step navigation marks current) and when, for the
 * progress track. Kept tiny, since every guide page loads it: it only adds its own entry and keeps what is there;
 * src/lib/read-pages.ts drops anything malformed when the record is read.
 */
import { readPagesStorageKey } from '../lib/read-pages';

const current = document.querySelector('.step-nav a[aria-current="page"]')?.getAttribute('href');
if (current) {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(readPagesStorageKey) ?? '{}');
    const pages = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    if (!(current in pages)) localStorage.setItem(readPagesStorageKey, JSON.stringify({ ...pages, [current]: new Date().toISOString() }));
  } catch {
    // Storage is off or full, or holds something unreadable: the page reads the same, it just isn't remembered.
  }
}
