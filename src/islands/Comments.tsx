/**
 * The comment thread under a step or article. Hydrated `client:visible`: no script and no request until the
 * reader scrolls here. State and API calls live in stores/comments.ts; this island and its parts (comments/) only
 * show them.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalisePagePath } from '../lib/comments/page-path.ts';
import { commentsFeedPath } from '../lib/feeds/paths.ts';
import { createThread } from '../stores/comments.ts';
import { submitted } from './comments/outcomes.ts';
import { ThreadView } from './comments/ThreadView.tsx';
import { useOnline } from './comments/use-online.ts';
import { FORM_LOAD_FAILED, usePanels } from './comments/use-panels.ts';
import './comments/comments.css';

interface Props {
  /** The page's path, e.g. /steps/take-time/ */
  page: string;
}

/** Shown while the browser is offline: the guide reads offline, comments do not, and nothing waits to be sent. */
export const OFFLINE_NOTE = "You're offline. Comments need a connection; nothing is kept to send later.";

export default function Comments({ page }: Props) {
  const pagePath = normalisePagePath(page) ?? page;
  const thread = useMemo(() => createThread(pagePath), [pagePath]);
  const state = useStore(thread.state);
  const [hydrated, setHydrated] = useState(false);
  const [writing, setWriting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { panels, loadFailed } = usePanels(writing, attempt);
  const online = useOnline();
  // No answer at all is a lost connection too, whatever navigator.onLine says (it can stay true behind a dead link).
  const noAnswer = state.phase === 'failed' && state.failure?.code === 'network';
  const unreachable = !online || noAnswer;

  useEffect(() => {
    setHydrated(true);
    void thread.load();
  }, [thread]);

  // Back online after a failed load: load the thread now rather than asking for a retry.
  useEffect(() => {
    if (online && state.phase === 'failed') void thread.load();
  }, [online]);

  // No answer at all: try again by itself, sooner first, then every half minute at most (the browser may never say
  // it is back online), so the thread appears once the connection does.
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    if (state.phase === 'ready') setRetries(0);
    if (!noAnswer) return undefined;
    const timer = setTimeout(() => {
      setRetries(retries + 1);
      void thread.load();
    }, Math.min(2_000 * 2 ** retries, 30_000));
    return () => clearTimeout(timer);
  }, [state.phase, state.failure]);

  const heading = state.phase === 'ready' && state.total > 0 ? `${state.total} ${state.total === 1 ? 'comment' : 'comments'}` : 'Comments';

  return (
    <div class="comments">
      <h2 id="comments-heading">{heading}</h2>
      <p class="comments-note">
        <a href={commentsFeedPath(pagePath)} type="application/atom+xml">Follow new comments in a feed reader</a>; no email needed.
      </p>
      {unreachable && <p class="comments-offline">{OFFLINE_NOTE}</p>}
      {panels ? (
        <panels.CommentForm
          mode="new"
          ready
          onSubmit={async (values) => submitted(await thread.post({ ...values, parentId: null }), 'posted')}
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
          {!unreachable && <p>Comments could not be loaded. {state.failure?.message}</p>}
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
