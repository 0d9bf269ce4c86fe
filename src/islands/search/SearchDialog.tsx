/**
 * The header's search, in a native modal <dialog>: showModal() traps focus and makes the page
 * behind inert; Escape, the close button or a click on the backdrop close it, and focus goes back
 * to whatever opened it. Loaded on first use by the header's search control
 * (src/components/SearchButton.astro, src/browser/search-launcher.ts).
 */
import { render } from 'preact';
import { Search } from '../Search';

let dialog: HTMLDialogElement | undefined;
let returnFocusTo: HTMLElement | null = null;

function createDialog(): HTMLDialogElement {
  const element = document.createElement('dialog');
  element.className = 'search-dialog';
  element.setAttribute('aria-labelledby', 'search-dialog-title');
  element.addEventListener('close', () => returnFocusTo?.focus());
  // A click on the dialog element itself (not its content) is a click on the backdrop.
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  document.body.append(element);
  const close = () => element.close();
  render(
    <div class="search-dialog-frame">
      <div class="search-dialog-header">
        <h2 id="search-dialog-title">Search</h2>
        <button type="button" class="search-dialog-close" onClick={close}>
          Close <span class="visually-hidden">search</span>
          <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      <Search variant="dialog" onEscape={close} />
    </div>,
    element,
  );
  return element;
}

/** Opens the search dialog (creating it the first time) with the field focused. */
export function openSearchDialog(opener: HTMLElement | null): void {
  dialog ??= createDialog();
  returnFocusTo = opener;
  if (!dialog.open) dialog.showModal();
  const field = dialog.querySelector<HTMLInputElement>('input[type="search"]');
  field?.focus();
  field?.select();
}
