/**
 * The comment forms — new comment, reply, edit, report, delete — in one module that the thread loads on first
 * use: most readers only read, so the page never downloads them for those readers.
 */
import { useId, useState } from 'preact/hooks';
import { REPORT_REASON_MAX } from '../../lib/comments/limits.ts';

// Loaded with the forms, so the first post, edit, delete or report does not wait for another download.
import '../../stores/comment-changes.ts';

export { default as CommentForm } from './CommentForm.tsx';

export function ConfirmDelete({ onConfirm, onCancel }: { onConfirm: () => Promise<void>; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <div class="comment-confirm" role="group" aria-label="Delete your comment">
      <p>Delete this comment for good? Its text and name are erased from our server, and this cannot be undone.</p>
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await onConfirm();
          setBusy(false);
        }}
      >
        Delete comment
      </button>
      <button type="button" class="button button-quiet" onClick={onCancel}>
        Keep it
      </button>
    </div>
  );
}

export function ReportForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => Promise<void>; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  return (
    <form
      class="comment-report"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        await onSubmit(reason);
        setBusy(false);
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
