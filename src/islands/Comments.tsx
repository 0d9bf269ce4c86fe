/**
 * The comment thread under a step or article. Hydrated `client:visible`: no script and no request until the
 * reader scrolls here. State and API calls live in stores/comments.ts; this file only shows them.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PublicComment } from '../lib/comments/api-types.ts';
import type { ThreadSort } from '../lib/comments/cursor.ts';
import { REPLIES_PAGE_SIZE } from '../lib/comments/limits.ts';
import { commentsFeedPath } from '../lib/feeds/paths.ts';
import { canStillChange, type OwnCommentKeys } from '../lib/comments/own-keys.ts';
import { normalisePagePath } from '../lib/comments/page-path.ts';
import { exactTime, relativeTime } from '../lib/comments/relative-time.ts';
import { createThread, ownKeys, type Thread } from '../stores/comments.ts';
import CommentBody from './comments/CommentBody.tsx';
import { useOnline } from './comments/use-online.ts';
import './comments/comments.css';

interface Props {
  /** The page's path, e.g. /steps/take-time/ */
  page: string;
}

type Panels = typeof import('./comments/comment-panels.tsx');
let panelsLoading: Promise<Panels> | undefined;

/**
 * The forms module once `wanted` turns true (loaded once per page, shared by every form), or `loadFailed`.
 * Changing `attempt` tries again after a failure.
 */
function usePanels(wanted: boolean, attempt = 0): { panels?: Panels; loadFailed: boolean } {
  const [panels, setPanels] = useState<Panels>();
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    if (!wanted || panels) return;
    let live = true;
    setLoadFailed(false);
    panelsLoading ??= import('./comments/comment-panels.tsx');
    panelsLoading.then(
      (loaded) => live && setPanels(() => loaded),
      () => {
        // Let the next attempt try the network again.
        panelsLoading = undefined;
        if (live) setLoadFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, panels, attempt]);
  return { ...(panels && { panels }), loadFailed };
}

const FORM_LOAD_FAILED = 'The form could not be loaded. Check your connection and try again.';

/** Shown while the browser is offline: the guide reads offline, comments do not, and nothing waits to be sent. */
export const OFFLINE_NOTE = "You're offline. Comments need a connection; nothing is kept to send later.";

/** The current time, moving on every 30 s so relative times stay true while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const PENDING_NOTE = 'Your comment is awaiting approval: only you can see it until the site owner approves it.';

function successFor(comment: PublicComment, verb: 'posted' | 'saved'): string {
  return comment.status === 'pending' ? PENDING_NOTE : `Your comment is ${verb}.`;
}

export default function Comments({ page }: Props) {
  const pagePath = normalisePagePath(page) ?? page;
  const thread = useMemo(() => createThread(pagePath), [pagePath]);
  const state = useStore(thread.state);
  const [hydrated, setHydrated] = useState(false);
  const [writing, setWriting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { panels, loadFailed } = usePanels(writing, attempt);
  const online = useOnline();

  useEffect(() => {
    setHydrated(true);
    void thread.load();
  }, [thread]);

  // Back online after a failed load: load the thread now rather than asking for a retry.
  useEffect(() => {
    if (online && state.phase === 'failed') void thread.load();
  }, [online]);

  const heading = state.phase === 'ready' && state.total > 0 ? `${state.total} ${state.total === 1 ? 'comment' : 'comments'}` : 'Comments';

  return (
    <div class="comments">
      <h2 id="comments-heading">{heading}</h2>
      <p class="comments-note">
        <a href={commentsFeedPath(pagePath)} type="application/atom+xml">Follow new comments in a feed reader</a>; no email needed.
      </p>
      {!online && <p class="comments-offline">{OFFLINE_NOTE}</p>}
      {panels ? (
        <panels.CommentForm
          mode="new"
          ready
          onSubmit={async (values) => {
            const result = await thread.post({ ...values, parentId: null });
            return { result, success: result.ok ? successFor(result.body.comment, 'posted') : '' };
          }}
        />
      ) : (
        <p class="comments-write">
          <button
            type="button"
            class="button"
            disabled={!hydrated || (writing && !loadFailed)}
            onClick={() => {
              setWriting(true);
              setAttempt(attempt + 1);
            }}
          >
            {writing && !loadFailed ? 'Opening the form…' : 'Write a comment'}
          </button>
          {loadFailed && <span class="comment-error"> {FORM_LOAD_FAILED}</span>}
        </p>
      )}
      {state.phase === 'idle' && <p class="comments-note">Comments load when you scroll here.</p>}
      {state.phase === 'loading' && <p class="comments-note">Loading comments…</p>}
      {state.phase === 'failed' && online && (
        <div class="comments-note comment-error">
          <p>Comments could not be loaded. {state.failure?.message}</p>
          <button type="button" class="button button-quiet" onClick={() => void thread.load()}>
            Try again
          </button>
        </div>
      )}
      {state.phase === 'ready' && (
        <ThreadView thread={thread} comments={state.comments} sort={state.sort} />
      )}
      {state.phase === 'ready' && state.comments.length === 0 && <p class="comments-note">No comments yet.</p>}
      {state.phase === 'ready' && state.nextCursor !== null && (
        <button type="button" class="button button-quiet comments-more" disabled={state.loadingMore} onClick={() => void thread.loadMore()}>
          {state.loadingMore ? 'Loading…' : 'Load more comments'}
        </button>
      )}
      <p role="status" class={state.failure ? 'comment-error' : 'comments-notice'}>
        {state.phase === 'ready' ? (state.failure?.message ?? state.notice) : ''}
      </p>
    </div>
  );
}

function ThreadView({ thread, comments, sort }: { thread: Thread; comments: PublicComment[]; sort: ThreadSort }) {
  const now = useNow();
  const keys = useStore(ownKeys);
  if (comments.length === 0) return null;
  return (
    <>
      <div class="comments-sort">
        <label for="comments-sort">Order</label>
        <select id="comments-sort" value={sort} onChange={(event) => void thread.load(event.currentTarget.value as ThreadSort)}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </select>
      </div>
      <ol class="comment-list">
        {comments.map((comment) => (
          <CommentItem key={comment.id} thread={thread} comment={comment} now={now} keys={keys} />
        ))}
      </ol>
    </>
  );
}

type Panel = 'none' | 'reply' | 'edit' | 'delete' | 'report';

interface ItemProps {
  thread: Thread;
  comment: PublicComment;
  now: number;
  keys: OwnCommentKeys;
}

/** "Show 12 more replies": the next page of a long thread; keyboard focus moves to the first reply it adds. */
function MoreReplies({ thread, comment }: { thread: Thread; comment: PublicComment }) {
  const [loading, setLoading] = useState(false);
  if (comment.repliesCursor === null) return null;
  const next = Math.min(comment.moreReplies, REPLIES_PAGE_SIZE);
  return (
    <button
      type="button"
      class="button button-quiet comment-more-replies"
      disabled={loading}
      onClick={async () => {
        setLoading(true);
        const [first] = await thread.loadReplies(comment.id);
        setLoading(false);
        if (first) document.getElementById(`comment-${first}`)?.focus();
      }}
    >
      {loading ? 'Loading replies…' : `Show ${next} more ${next === 1 ? 'reply' : 'replies'}`}
      <span class="visually-hidden"> to {comment.status === 'removed' ? 'the removed comment' : comment.name}</span>
    </button>
  );
}

function CommentItem({ thread, comment, now, keys }: ItemProps) {
  const [panel, setPanel] = useState<Panel>('none');
  const [note, setNote] = useState('');
  const { panels, loadFailed } = usePanels(panel !== 'none');
  const createdAt = Date.parse(comment.createdAt);
  const isTopLevel = comment.parentId === null;
  // Edits within 15 minutes; erasing for as long as this browser holds the comment's key.
  const canChange = canStillChange(keys[comment.id], now);
  const canErase = keys[comment.id] !== undefined;
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next);
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

  return (
    <li id={`comment-${comment.id}`} class={`comment${comment.status === 'pending' ? ' comment-pending' : ''}`} tabIndex={-1}>
      <article aria-label={`Comment by ${comment.name}`}>
        <header class="comment-meta">
          {/* Isolated, so a name written right to left cannot reorder the text around it. */}
          <bdi class="comment-author">{comment.name}</bdi>
          <time dateTime={comment.createdAt} title={exactTime(createdAt)}>
            {relativeTime(createdAt, now)}
          </time>
          {comment.editedAt && <span class="comment-edited">(edited)</span>}
          {comment.status === 'pending' && <span class="comment-badge">Awaiting approval</span>}
        </header>
        <CommentBody text={comment.text} />
        <div class="comment-actions">
          {isTopLevel && comment.status === 'published' && (
            <button type="button" class="comment-action" aria-expanded={panel === 'reply'} onClick={() => toggle('reply')}>
              Reply<span class="visually-hidden"> to {comment.name}</span>
            </button>
          )}
          {canChange && (
            <button type="button" class="comment-action" aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>
              Edit<span class="visually-hidden"> your comment</span>
            </button>
          )}
          {canErase && (
            <button type="button" class="comment-action" aria-expanded={panel === 'delete'} onClick={() => toggle('delete')}>
              Delete<span class="visually-hidden"> your comment</span>
            </button>
          )}
          {!comment.mine && comment.status === 'published' && (
            <button type="button" class="comment-action" aria-expanded={panel === 'report'} onClick={() => toggle('report')}>
              Report<span class="visually-hidden"> comment by {comment.name}</span>
            </button>
          )}
        </div>
        <p role="status" class="comment-note">{panel !== 'none' && loadFailed ? FORM_LOAD_FAILED : note}</p>
        {panels && panel === 'reply' && (
          <panels.CommentForm
            mode="reply"
            ready
            replyingTo={comment.name}
            onCancel={() => setPanel('none')}
            onSubmit={async (values) => {
              const result = await thread.post({ ...values, parentId: comment.id });
              if (result.ok) {
                setPanel('none');
                setNote(successFor(result.body.comment, 'posted'));
              }
              return { result, success: result.ok ? successFor(result.body.comment, 'posted') : '' };
            }}
          />
        )}
        {panels && panel === 'edit' && (
          <panels.CommentForm
            mode="edit"
            ready
            initialText={comment.text}
            onCancel={() => setPanel('none')}
            onSubmit={async ({ text }) => {
              const result = await thread.edit(comment.id, text);
              if (result.ok) {
                setPanel('none');
                setNote(successFor(result.body.comment, 'saved'));
              }
              return { result, success: result.ok ? successFor(result.body.comment, 'saved') : '' };
            }}
          />
        )}
        {panels && panel === 'delete' && (
          <panels.ConfirmDelete
            onCancel={() => setPanel('none')}
            onConfirm={async () => {
              const result = await thread.remove(comment.id);
              if (!result.ok) setNote(result.failure.message);
            }}
          />
        )}
        {panels && panel === 'report' && (
          <panels.ReportForm
            onCancel={() => setPanel('none')}
            onSubmit={async (reason) => {
              const result = await thread.report(comment.id, reason);
              setPanel('none');
              setNote(result.ok ? 'Thank you. The site owner will take a look.' : result.failure.message);
            }}
          />
        )}
      </article>
      {replies}
    </li>
  );
}
