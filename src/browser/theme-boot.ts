/**
 * The site's one inline script: applies the stored theme before first paint, so there is no flash of the wrong
 * theme. It has to be inline and render-blocking; the Content-Security-Policy allows exactly this text by its hash
 * (src/build/csp.ts), so any change here is picked up by the next build.
 */
export const themeBootScript =
  "try{var t=localStorage.getItem('back-together:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
