/** Shows a theme on the page: html[data-theme], which the site's custom properties follow (src/styles/global.css). */
import type { Theme } from '../lib/theme';

/** Sets html[data-theme], or clears it to follow the system. */
export function applyTheme(theme: Theme | undefined): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
