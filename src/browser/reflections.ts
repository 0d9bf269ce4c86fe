/**
 * Private reflection prompts (src/components/StepTools.astro): each textarea shows what is saved on this device and
 * saves as the reader types. Once the reader has typed in a box, what they type wins over the saved text, so a save
 * (or another tab) never moves the caret.
 */
import { readerState, saveJournal } from '../stores/progress';

export function start(root: HTMLElement): void {
  const boxes = [...root.querySelectorAll<HTMLTextAreaElement>('textarea[data-prompt]')];
  const typed = new Set<HTMLTextAreaElement>();
  for (const box of boxes) {
    const promptId = box.dataset['prompt']!;
    const save = () => {
      typed.add(box);
      saveJournal(promptId, box.value);
    };
    box.addEventListener('input', save);
    // Typed while the script was loading: keep it, and save it.
    if (box.value) save();
  }
  readerState.subscribe(({ journal }) => {
    for (const box of boxes) if (!typed.has(box)) box.value = journal[box.dataset['prompt']!] ?? '';
  });
}
