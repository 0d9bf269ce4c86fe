/**
 * The header's search control, on every page: a link to /search/ that, with JavaScript, opens the
 * search dialog instead (also on "/" and Ctrl+K / ⌘K). The dialog's code loads on first use.
 */
import { highlightParam, isSearchShortcut } from '../lib/search-shortcut';

/**
 * Opens the search dialog, loading its code first. The page passes it in (src/components/SearchButton.astro):
 * the dialog is a Preact view, and scripts in this folder never import islands.
 */
export type OpenSearchDialog = (opener: HTMLElement | null) => Promise<void>;

async function openSearch(openDialog: OpenSearchDialog, opener: Element | null): Promise<void> {
  // On /search/ itself the page is the search: go to its field (once its island has mounted).
  const searchPage = document.querySelector('[data-search-page]');
  if (searchPage) {
    const field = searchPage.querySelector<HTMLInputElement>('input[type="search"]');
    field?.focus();
    field?.select();
    return;
  }
  await openDialog(opener instanceof HTMLElement ? opener : null);
}

/** Wires the header control and the keyboard shortcuts, and highlights words on arrival from a result. */
export function startSearchLauncher(openDialog: OpenSearchDialog): void {
  for (const trigger of document.querySelectorAll<HTMLAnchorElement>('a[data-search-open]')) {
    trigger.setAttribute('role', 'button');
    trigger.setAttribute('aria-haspopup', 'dialog');
    trigger.addEventListener('click', (event) => {
      // Ctrl/⌘/Shift-click still opens /search/ in a new tab or window.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      void openSearch(openDialog, trigger);
    });
    trigger.addEventListener('keydown', (event) => {
      // It acts as a button now, so Space presses it too.
      if (event.key === ' ') {
        event.preventDefault();
        void openSearch(openDialog, trigger);
      }
    });
  }
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const inEditableField = !!target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
    if (!isSearchShortcut({ ...pick(event), inEditableField })) return;
    // Inside the open dialog Ctrl+K just keeps focus in its field.
    if (document.querySelector('dialog.search-dialog[open]') && inEditableField) return event.preventDefault();
    event.preventDefault();
    void openSearch(openDialog, document.activeElement);
  });
  if (new URLSearchParams(location.search).has(highlightParam)) {
    import('./pagefind').then(({ highlightSearchTerms }) => highlightSearchTerms()).catch(() => {
      // No index here (dev without a build): the page reads fine without highlights.
    });
  }
}

const pick = ({ key, ctrlKey, metaKey, altKey, defaultPrevented, isComposing }: KeyboardEvent) => ({
  key,
  ctrlKey,
  metaKey,
  altKey,
  defaultPrevented,
  isComposing,
});
