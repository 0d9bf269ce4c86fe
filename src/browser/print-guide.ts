/**
 * The printable guide's controls: "Print this guide", and the reader's private notes added to the page only while
 * the box is ticked (read from this browser, never sent; the choice itself is not saved).
 */
import { readerState } from '../stores/progress';

const toggle = document.querySelector<HTMLInputElement>('[data-print-notes-toggle]');
const status = document.querySelector('[data-print-notes-status]');

function showNotes(): void {
  const include = toggle?.checked ?? false;
  const journal = readerState.get().journal;
  let written = 0;
  for (const section of document.querySelectorAll<HTMLElement>('[data-print-notes]')) {
    let any = false;
    for (const answer of section.querySelectorAll<HTMLElement>('[data-journal]')) {
      const text = include ? (journal[answer.dataset.journal ?? ''] ?? '') : '';
      answer.textContent = text || (include ? '(nothing written)' : '');
      if (text) any = true;
    }
    section.hidden = !include || !any;
    if (any) written += 1;
  }
  if (status) status.textContent = !include ? '' : written > 0 ? 'Your notes are added under their steps.' : "You haven't written any notes in this browser yet.";
}

toggle?.addEventListener('change', showNotes);
readerState.subscribe(showNotes);
document.querySelector('[data-print-button]')?.addEventListener('click', () => print());
