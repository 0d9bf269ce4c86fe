/**
 * The comment forms — new comment, reply, edit, report, delete — that the thread loads on first use (through
 * mount-forms.tsx): most readers only read, so the page never downloads them for those readers.
 */
import { useState } from 'preact/hooks';
import { REPORT_REASON_MAX } from '../../lib/comments/limits.ts';
import { ConfirmBox } from './ConfirmBox.tsx';
import { useBusy } from './use-busy.ts';

// Loaded with the forms, so the first post, edit, delete or report does not wait for another download.
import '../../stores/comment-changes.ts';

export { default as CommentForm } from './CommentForm.tsx';

export function ConfirmDelete({ onConfirm, onCancel }: { onConfirm: () => Promise<void>; onCancel: () => void }) {
  const [busy, run] = useBusy();
  return (
    <ConfirmBox
      label="Delete your comment"
      question="Delete this comment for good? Its text and name are erased from our server, and this cannot be undone."
      confirmLabel="Delete comment"
      busy={busy}
      onConfirm={() => void run(onConfirm)}
      onCancel={onCancel}
    />
  );
}

interface ReportProps {
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
  /** The field's id (see CommentForm's idBase). */
  idBase: string;
}

export function ReportForm({ onSubmit, onCancel, idBase: fieldId }: ReportProps) {
  const [reason, setReason] = useState('');
  const [busy, run] = useBusy();
  return (
    <form
      class="comment-report"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => onSubmit(reason));
      }}
    >
      <label for={fieldId}>What is wrong with this comment? (optional)</label>
      <input id={fieldId} type="text" maxLength={REPORT_REASON_MAX} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
      <button type="submit" class="button" disabled={busy}>
        Send report
      </button>
      <button type="button" class="button button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
