/**
 * The site owner's moderation queues. The admin token is pasted in and, once the server accepts it, kept in
 * sessionStorage only (gone when the tab closes); every request sends it as a Bearer token.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  AdminAction,
  AdminActionResponse,
  AdminComment,
  AdminQueue as QueueName,
  AdminQueueResponse,
  ErasedResponse,
} from '../lib/comments/api-types.ts';
import { exactTime, relativeTime } from '../lib/comments/relative-time.ts';
import { saveAdminToken as saveToken } from '../browser/admin-token.ts';
import { callApi } from '../stores/comments.ts';
import AdminTokenForm, { useAdminToken } from './admin/AdminTokenForm.tsx';
import CommentBody from './comments/CommentBody.tsx';
import NotifyStatus from './admin/NotifyStatus.tsx';
import './comments/comments.css';

const QUEUES: readonly { name: QueueName; label: string }[] = [
  { name: 'pending', label: 'Awaiting approval' },
  { name: 'reported', label: 'Reported' },
  { name: 'removed', label: 'Rejected and deleted' },
];

/** What the owner can do with a comment in each status. */
function actionsFor(comment: AdminComment): AdminAction[] {
  switch (comment.status) {
    case 'pending':
      return ['approve', 'reject', 'delete'];
    case 'published':
      // Published but reported: approving keeps it and clears the reports.
      return ['approve', 'reject', 'delete'];
    case 'rejected':
    case 'deleted':
      return ['restore'];
  }
}

const ACTION_LABEL: Record<AdminAction, string> = { approve: 'Approve', reject: 'Reject', delete: 'Delete', restore: 'Restore' };
const DONE_LABEL: Record<AdminAction, string> = { approve: 'approved', reject: 'rejected', delete: 'deleted', restore: 'restored' };

export default function AdminQueue() {
  const [token, setToken] = useAdminToken();
  const [queue, setQueue] = useState<QueueName>('pending');
  const [comments, setComments] = useState<AdminComment[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [loading, setLoading] = useState(false);
  /** The comment whose "Erase for good" waits for confirmation. */
  const [erasing, setErasing] = useState<string | null>(null);

  const auth = { Authorization: `Bearer ${token}` };

  async function load(name: QueueName, cursor: string | null) {
    setLoading(true);
    const params = new URLSearchParams({ queue: name });
    if (cursor) params.set('cursor', cursor);
    const result = await callApi<AdminQueueResponse>(`/api/admin/comments?${params}`, { headers: auth });
    setLoading(false);
    if (!result.ok) {
      setStatus(result.failure.message);
      // A token the server refused is not worth keeping for the rest of the session.
      if (result.failure.status === 401) saveToken('');
      if (cursor === null) setComments([]);
      return;
    }
    saveToken(token);
    setComments(cursor === null ? result.body.comments : [...comments, ...result.body.comments]);
    setNextCursor(result.body.nextCursor);
    setStatus(cursor === null ? `${QUEUES.find((entry) => entry.name === name)?.label}: ${result.body.comments.length}${result.body.nextCursor ? '+' : ''} comment(s).` : '');
  }

  useEffect(() => {
    if (token !== '') void load(queue, null);
  }, [token, queue]);

  async function act(comment: AdminComment, action: AdminAction) {
    const result = await callApi<AdminActionResponse>(`/api/admin/comments/${comment.id}/${action}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (!result.ok) {
      setStatus(result.failure.message);
      return;
    }
    // The comment has left this queue.
    setComments(comments.filter((entry) => entry.id !== comment.id));
    setStatus(`Comment by ${comment.name} ${DONE_LABEL[action]}.`);
  }

  async function erase(comment: AdminComment) {
    const result = await callApi<ErasedResponse>(`/api/admin/comments/${comment.id}/erase`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    setErasing(null);
    if (!result.ok) {
      setStatus(result.failure.message);
      return;
    }
    setComments(comments.filter((entry) => entry.id !== comment.id));
    setStatus(`Comment by ${comment.name} erased for good.`);
  }

  return (
    <div class="admin-queue">
      <AdminTokenForm
        token={token}
        openLabel="Open queues"
        onOpen={setToken}
        onForget={() => {
          setComments([]);
          setStatus('Signed out of moderation in this tab.');
        }}
      />
      <p role="status">{status}</p>
      {token !== '' && (
        <>
          <div class="admin-tabs" role="group" aria-label="Queue">
            {QUEUES.map((entry) => (
              <button type="button" class="button button-quiet" aria-pressed={queue === entry.name} onClick={() => setQueue(entry.name)}>
                {entry.label}
              </button>
            ))}
          </div>
          {loading && comments.length === 0 && <p>Loading…</p>}
          {!loading && comments.length === 0 && <p>Nothing here.</p>}
          <ol class="comment-list">
            {comments.map((comment) => (
              <li key={comment.id} class="comment">
                <article aria-label={`Comment by ${comment.name}`}>
                  <p class="admin-item-meta">
                    <bdi class="comment-author">{comment.name}</bdi>
                    <a href={`${comment.page}#comment-${comment.id}`}>{comment.page}</a>
                    <time dateTime={comment.createdAt} title={exactTime(Date.parse(comment.createdAt))}>
                      {relativeTime(Date.parse(comment.createdAt), Date.now())}
                    </time>
                    <span>{comment.status}</span>
                    {comment.parentId && <span>reply</span>}
                    {comment.openReports > 0 && <span>{comment.openReports} report(s)</span>}
                  </p>
                  <CommentBody text={comment.text} />
                  {comment.reportReasons.filter((reason) => reason !== '').length > 0 && (
                    <ul>
                      {comment.reportReasons.filter((reason) => reason !== '').map((reason) => (
                        <li>Reported: {reason}</li>
                      ))}
                    </ul>
                  )}
                  <div class="admin-item-actions">
                    {actionsFor(comment).map((action) => (
                      <button type="button" class="button button-quiet" onClick={() => void act(comment, action)}>
                        {ACTION_LABEL[action]}
                        <span class="visually-hidden"> comment by {comment.name}</span>
                      </button>
                    ))}
                    <button type="button" class="button button-quiet" aria-expanded={erasing === comment.id} onClick={() => setErasing(erasing === comment.id ? null : comment.id)}>
                      Erase for good<span class="visually-hidden"> comment by {comment.name}</span>
                    </button>
                  </div>
                  {erasing === comment.id && (
                    <div class="comment-confirm" role="group" aria-label={`Erase comment by ${comment.name}`}>
                      <p>
                        Erase this comment for good? Its text, name and report reasons are deleted from the database, and backups
                        made from now on will not have them. Replies under it stay, under a “removed” placeholder. This cannot be undone.
                      </p>
                      <button type="button" class="button" onClick={() => void erase(comment)}>
                        Erase it
                      </button>
                      <button type="button" class="button button-quiet" onClick={() => setErasing(null)}>
                        Keep it
                      </button>
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ol>
          {nextCursor !== null && (
            <button type="button" class="button button-quiet" disabled={loading} onClick={() => void load(queue, nextCursor)}>
              Load more
            </button>
          )}
          <NotifyStatus token={token} />
        </>
      )}
    </div>
  );
}
