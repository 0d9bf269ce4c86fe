/**
 * The header's theme switch ([data-theme-toggle], src/components/ThemeToggle.astro): the page starts in the system
 * theme; pressing picks light or dark and remembers it. Follows the choice from another tab or "Delete everything".
 */
import { chooseTheme, chosenTheme } from '../stores/theme';
import { applyTheme } from './theme';

const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (chosenTheme.get() ?? (systemDark.matches ? 'dark' : 'light')) === 'dark';
const showState = () => button?.setAttribute('aria-pressed', String(isDark()));

chosenTheme.subscribe((theme) => {
  applyTheme(theme);
  showState();
});
systemDark.addEventListener('change', showState);
button?.addEventListener('click', () => chooseTheme(isDark() ? 'light' : 'dark'));
