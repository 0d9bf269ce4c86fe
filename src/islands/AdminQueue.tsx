/**
 * The site owner's moderation queues. The admin token is pasted in and, once the server accepts it, kept in
 * sessionStorage only (gone when the tab closes); every request sends it as a Bearer token.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AdminAction, AdminActionResponse, AdminComment, AdminQueue as QueueName, AdminQueueResponse } from '../lib/comments/api-types.ts';
import { exactTime, relativeTime } from '../lib/comments/relative-time.ts';
import { callApi } from '../stores/comments.ts';
import CommentBody from './CommentBody.tsx';
import './comments.css';

const TOKEN_KEY = 'back-together:admin-token';

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

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveToken(token: string): void {
  try {
    if (token === '') sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage blocked: the token lives in this page only.
  }
}

export default function AdminQueue() {
  const tokenFieldId = useId();
  const [tokenInput, setTokenInput] = useState('');
  const [token, setToken] = useState('');
  const [queue, setQueue] = useState<QueueName>('pending');
  const [comments, setComments] = useState<AdminComment[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [loading, setLoading] = useState(false);
  // False in the server-rendered HTML: the form cannot be sent until the island runs.
  const [hydrated, setHydrated] = useState(false);
  const tokenField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setHydrated(true);
    const stored = readToken();
    // Only a stored token replaces the field: never what the owner typed while the page was loading.
    if (stored !== '') {
      setToken(stored);
      setTokenInput(stored);
    } else if (tokenField.current?.value) {
      // Keep what was typed before hydration: the next render would otherwise reset the field to ''.
      setTokenInput(tokenField.current.value);
    }
  }, []);

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

  return (
    <div class="admin-queue">
      <form
        class="admin-token"
        onSubmit={(event) => {
          event.preventDefault();
          setToken(tokenInput.trim());
        }}
      >
        <div class="comment-field">
          <label for={tokenFieldId}>Admin token</label>
          <input ref={tokenField} id={tokenFieldId} type="password" autoComplete="current-password" value={tokenInput} onInput={(event) => setTokenInput(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={!hydrated}>
          Open queues
        </button>
        {token !== '' && (
          <button
            type="button"
            class="button button-quiet"
            onClick={() => {
              saveToken('');
              setToken('');
              setTokenInput('');
              setComments([]);
              setStatus('Signed out of moderation in this tab.');
            }}
          >
            Forget token
          </button>
        )}
      </form>
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
                    <span class="comment-author">{comment.name}</span>
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
                  </div>
                </article>
              </li>
            ))}
          </ol>
          {nextCursor !== null && (
            <button type="button" class="button button-quiet" disabled={loading} onClick={() => void load(queue, nextCursor)}>
              Load more
            </button>
          )}
        </>
      )}
    </div>
  );
}
