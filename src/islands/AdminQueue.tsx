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
import NotifyStatus from './admin/NotifyStatus.tsx';
import { OwnerPage, useOwnerList } from './admin/owner-list.tsx';
import CommentBody from './comments/CommentBody.tsx';
import { ConfirmBox } from './comments/ConfirmBox.tsx';
import { TimeAgo } from './comments/TimeAgo.tsx';

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
  const list = useOwnerList<AdminComment>();
  const { token, setStatus } = list;
  const [queue, setQueue] = useState<QueueName>('pending');
  /** The comment whose "Erase for good" waits for confirmation. */
  const [erasing, setErasing] = useState<string | null>(null);

  async function load(name: QueueName, cursor: string | null) {
    const params = new URLSearchParams({ queue: name });
    if (cursor) params.set('cursor', cursor);
    const loaded = await list.load(`/api/admin/comments?${params}`, cursor, (page: AdminQueueResponse) => page.comments);
    if (!loaded) return;
    const { page } = loaded;
    setStatus(cursor === null ? `${QUEUES.find((entry) => entry.name === name)?.label}: ${page.comments.length}${page.nextCursor ? '+' : ''} comment(s).` : '');
  }

  useEffect(() => {
    if (token !== '') void load(queue, null);
  }, [token, queue]);

  async function act(comment: AdminComment, action: AdminAction) {
    if ((await list.call<AdminActionResponse>(`/api/admin/comments/${comment.id}/${action}`, 'POST', {})) === null) return;
    // The comment has left this queue.
    list.remove(comment.id);
    setStatus(`Comment by ${comment.name} ${DONE_LABEL[action]}.`);
  }

  async function erase(comment: AdminComment) {
    const erased = await list.call<ErasedResponse>(`/api/admin/comments/${comment.id}/erase`, 'POST', {});
    setErasing(null);
    if (erased === null) return;
    list.remove(comment.id);
    setStatus(`Comment by ${comment.name} erased for good.`);
  }

  const renderComment = (comment: AdminComment) => {
    const reasons = comment.reportReasons.filter((reason) => reason !== '');
    return (
      <li key={comment.id} class="comment">
        <article aria-label={`Comment by ${comment.name}`}>
          <p class="admin-item-meta">
            <bdi class="comment-author">{comment.name}</bdi>
            <a href={`${comment.page}#comment-${comment.id}`}>{comment.page}</a>
            <TimeAgo iso={comment.createdAt} now={Date.now()} />
            <span>{comment.status}</span>
            {comment.parentId && <span>reply</span>}
            {comment.openReports > 0 && <span>{comment.openReports} report(s)</span>}
          </p>
          <CommentBody text={comment.text} />
          {reasons.length > 0 && (
            <ul>
              {reasons.map((reason) => (
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
            <ConfirmBox
              label={`Erase comment by ${comment.name}`}
              question="Erase this comment for good? Its text, name and report reasons are deleted from the database, and backups made from now on will not have them. Replies under it stay, under a “removed” placeholder. This cannot be undone."
              confirmLabel="Erase it"
              onConfirm={() => void erase(comment)}
              onCancel={() => setErasing(null)}
            />
          )}
        </article>
      </li>
    );
  };

  return (
    <OwnerPage
      list={list}
      openLabel="Open queues"
      signedOut="Signed out of moderation in this tab."
      empty="Nothing here."
      onMore={(cursor) => void load(queue, cursor)}
      renderItem={renderComment}
      tools={
        <div class="admin-tabs" role="group" aria-label="Queue">
          {QUEUES.map((entry) => (
            <button type="button" class="button button-quiet" aria-pressed={queue === entry.name} onClick={() => setQueue(entry.name)}>
              {entry.label}
            </button>
          ))}
        </div>
      }
      footer={<NotifyStatus token={token} />}
    />
  );
}
