/** One comment in the thread, its replies, and what the reader can do with it: reply, edit, delete, report. */
import { useState } from 'preact/hooks';
import type { PublicComment } from '../../lib/comments/api-types.ts';
import { REPLIES_PAGE_SIZE } from '../../lib/comments/limits.ts';
import { canStillChange, type OwnCommentKeys } from '../../lib/comments/own-keys.ts';
import type { ApiResult, Thread } from '../../stores/comments.ts';
import CommentBody from './CommentBody.tsx';
import { submitted, successFor } from './outcomes.ts';
import { TimeAgo } from './TimeAgo.tsx';
import { useBusy } from './use-busy.ts';
import { FORM_LOAD_FAILED, usePanels } from './use-panels.ts';

type Panel = 'none' | 'reply' | 'edit' | 'delete' | 'report';

interface ItemProps {
  thread: Thread;
  comment: PublicComment;
  now: number;
  keys: OwnCommentKeys;
}

/** "Show 12 more replies": the next page of a long thread; keyboard focus moves to the first reply it adds. */
function MoreReplies({ thread, comment }: { thread: Thread; comment: PublicComment }) {
  const [loading, run] = useBusy();
  if (comment.repliesCursor === null) return null;
  const next = Math.min(comment.moreReplies, REPLIES_PAGE_SIZE);
  return (
    <button
      type="button"
      class="button button-quiet comment-more-replies"
      disabled={loading}
      onClick={() =>
        run(async () => {
          const [first] = await thread.loadReplies(comment.id);
          if (first) document.getElementById(`comment-${first}`)?.focus();
        })
      }
    >
      {loading ? 'Loading replies…' : `Show ${next} more ${next === 1 ? 'reply' : 'replies'}`}
      <span class="visually-hidden"> to {comment.status === 'removed' ? 'the removed comment' : comment.name}</span>
    </button>
  );
}

export function CommentItem({ thread, comment, now, keys }: ItemProps) {
  const [panel, setPanel] = useState<Panel>('none');
  const [note, setNote] = useState('');
  const { panels, loadFailed } = usePanels(panel !== 'none');
  const isTopLevel = comment.parentId === null;
  // Edits within 15 minutes; erasing for as long as this browser holds the comment's key.
  const canChange = canStillChange(keys[comment.id], now);
  const canErase = keys[comment.id] !== undefined;
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next);
  const close = () => setPanel('none');
  /** A reply or an edit went through: close its form and say so beside the comment. */
  const finish = (result: ApiResult<{ comment: PublicComment }>, verb: 'posted' | 'saved') => {
    if (result.ok) {
      close();
      setNote(successFor(result.body.comment, verb));
    }
    return submitted(result, verb);
  };
  const replies = (comment.replies.length > 0 || comment.repliesCursor !== null) && (
    <>
      <ol class="comment-replies">
        {comment.replies.map((reply) => (
          <CommentItem key={reply.id} thread={thread} comment={reply} now={now} keys={keys} />
        ))}
      </ol>
      <MoreReplies thread={thread} comment={comment} />
    </>
  );

  if (comment.status === 'removed') {
    return (
      <li id={`comment-${comment.id}`} class="comment comment-removed" tabIndex={-1}>
        <p class="comments-note">This comment is not shown.</p>
        {replies}
      </li>
    );
  }

  const action = (name: Panel, label: string, hidden: string) => (
    <button type="button" class="comment-action" aria-expanded={panel === name} onClick={() => toggle(name)}>
      {label}
      <span class="visually-hidden"> {hidden}</span>
    </button>
  );

  return (
    <li id={`comment-${comment.id}`} class={`comment${comment.status === 'pending' ? ' comment-pending' : ''}`} tabIndex={-1}>
      <article aria-label={`Comment by ${comment.name}`}>
        <header class="comment-meta">
          {/* Isolated, so a name written right to left cannot reorder the text around it. */}
          <bdi class="comment-author">{comment.name}</bdi>
          <TimeAgo iso={comment.createdAt} now={now} />
          {comment.editedAt && <span class="comment-edited">(edited)</span>}
          {comment.status === 'pending' && <span class="comment-badge">Awaiting approval</span>}
        </header>
        <CommentBody text={comment.text} />
        <div class="comment-actions">
          {isTopLevel && comment.status === 'published' && action('reply', 'Reply', `to ${comment.name}`)}
          {canChange && action('edit', 'Edit', 'your comment')}
          {canErase && action('delete', 'Delete', 'your comment')}
          {!comment.mine && comment.status === 'published' && action('report', 'Report', `comment by ${comment.name}`)}
        </div>
        <p role="status" class="comment-note">{panel !== 'none' && loadFailed ? FORM_LOAD_FAILED : note}</p>
        {panels && panel === 'reply' && (
          <panels.CommentForm
            mode="reply"
            ready
            replyingTo={comment.name}
            onCancel={close}
            onSubmit={async (values) => finish(await thread.post({ ...values, parentId: comment.id }), 'posted')}
          />
        )}
        {panels && panel === 'edit' && (
          <panels.CommentForm mode="edit" ready initialText={comment.text} onCancel={close} onSubmit={async ({ text }) => finish(await thread.edit(comment.id, text), 'saved')} />
        )}
        {panels && panel === 'delete' && (
          <panels.ConfirmDelete
            onCancel={close}
            onConfirm={async () => {
              const result = await thread.remove(comment.id);
              if (!result.ok) setNote(result.failure.message);
            }}
          />
        )}
        {panels && panel === 'report' && (
          <panels.ReportForm
            onCancel={close}
            onSubmit={async (reason) => {
              const result = await thread.report(comment.id, reason);
              close();
              setNote(result.ok ? 'Thank you. The site owner will take a look.' : result.failure.message);
            }}
          />
        )}
      </article>
      {replies}
    </li>
  );
}
