/**
 * Applies the stored theme before first paint, so there is no flash of the wrong theme. It has to be inline and
 * render-blocking; the Content-Security-Policy allows exactly this text by its hash (src/build/csp.ts), so any
 * change here is picked up by the next build. The key comes from src/lib/theme.ts, as the theme store's does.
 */
import { themeStorageKey } from '../lib/theme';

export const themeBootScript =
  "(function(themeStorageKey){try{var t=localStorage.getItem(themeStorageKey);if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}})" +
  `(${JSON.stringify(themeStorageKey)})`;
