/** "Do this for good?": a question with a confirming button and "Keep it", for deleting and erasing. */
import type { ComponentChildren } from 'preact';

interface Props {
  /** The group's accessible name. */
  label: string;
  question: ComponentChildren;
  confirmLabel: string;
  /** True while the confirmed action runs. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmBox({ label, question, confirmLabel, busy = false, onConfirm, onCancel }: Props) {
  return (
    <div class="comment-confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <button type="button" class="button" disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" class="button button-quiet" onClick={onCancel}>
        Keep it
      </button>
    </div>
  );
}
