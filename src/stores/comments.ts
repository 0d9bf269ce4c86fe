/**
 * Comment threads for the thread's page script (src/browser/comments/): one small store per page, the API calls that
 * change it, and the edit secrets of the reader's own comments (localStorage `back-together:comment-keys`, synced
 * across tabs).
 */
import { persistentAtom } from '@nanostores/persistent';
import { map, type MapStore, type ReadableAtom } from 'nanostores';
import type { CreatedResponse, EditedResponse, PublicComment, RepliesResponse, ThreadResponse } from '../lib/comments/api-types.ts';
import type { ThreadSort } from '../lib/comments/cursor.ts';
import { OWN_KEYS_STORAGE_KEY, ownKeysHeader, parseOwnKeys, type OwnCommentKey, type OwnCommentKeys } from '../lib/comments/own-keys.ts';
import { callApi, type ApiFailure, type ApiResult } from './api.ts';
import { writeOrWarn } from './write-or-warn.ts';

/** Parses stored keys; damaged entries are dropped with a warning, never thrown. */
function decodeKeys(text: string): OwnCommentKeys {
  const { keys, dropped } = parseOwnKeys(text, Date.now());
  if (dropped > 0) console.warn(`Back Together: ${dropped} unreadable or expired comment key(s) were dropped.`);
  return keys;
}

const storedKeys = persistentAtom<OwnCommentKeys>(OWN_KEYS_STORAGE_KEY, {}, {
  // No keys, no storage entry.
  encode: (keys) => (Object.keys(keys).length === 0 ? undefined : JSON.stringify(keys)),
  decode: decodeKeys,
});

/** Edit secrets of the comments this browser posted (read-only; change through rememberKey / forgetKey). */
export const ownKeys: ReadableAtom<OwnCommentKeys> = storedKeys;

function updateKeys(change: (keys: OwnCommentKeys) => OwnCommentKeys): void {
  // Storage full or blocked: the comment is posted all the same, it just cannot be edited from here.
  writeOrWarn(storedKeys, change, 'could not save the comment key on this device.');
}

export function rememberKey(id: string, key: OwnCommentKey): void {
  updateKeys((keys) => ({ ...keys, [id]: key }));
}

export function forgetKey(id: string): void {
  updateKeys((keys) => {
    const { [id]: _forgotten, ...rest } = keys;
    return rest;
  });
}

export interface ThreadState {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  sort: ThreadSort;
  /** Comments readers can see, replies included (from the server, adjusted for this reader's own changes). */
  total: number;
  comments: PublicComment[];
  nextCursor: string | null;
  loadingMore: boolean;
  failure: ApiFailure | null;
  /** The outcome of the reader's last change that has no other place on screen (a deletion). */
  notice: string;
}

export interface NewComment {
  name: string;
  text: string;
  parentId: string | null;
  honeypot: string;
}

export interface Thread {
  state: MapStore<ThreadState>;
  load(sort?: ThreadSort): Promise<void>;
  loadMore(): Promise<void>;
  /** Fetches the next replies of a top-level comment; resolves to the ids of the replies it added. */
  loadReplies(parentId: string): Promise<string[]>;
  post(input: NewComment): Promise<ApiResult<CreatedResponse>>;
  edit(id: string, text: string): Promise<ApiResult<EditedResponse>>;
  remove(id: string): Promise<ApiResult<unknown>>;
  report(id: string, reason: string): Promise<ApiResult<unknown>>;
}

/** Top-level comments in the thread's reading order (by time, then id, as the server orders them). */
function inThreadOrder(comments: PublicComment[], sort: ThreadSort): PublicComment[] {
  const direction = sort === 'oldest' ? 1 : -1;
  return [...comments].sort((a, b) => direction * (a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)));
}

/** The thread of one page. */
export function createThread(page: string): Thread {
  const state = map<ThreadState>({
    phase: 'idle',
    sort: 'oldest',
    total: 0,
    comments: [],
    nextCursor: null,
    loadingMore: false,
    failure: null,
    notice: '',
  });

  function listUrl(sort: ThreadSort, cursor: string | null): string {
    const params = new URLSearchParams({ page, sort });
    if (cursor) params.set('cursor', cursor);
    return `/api/comments?${params}`;
  }

  function listInit(): RequestInit {
    const header = ownKeysHeader(storedKeys.get(), page);
    return header === '' ? {} : { headers: { 'X-Comment-Keys': header } };
  }

  async function load(sort: ThreadSort = state.get().sort): Promise<void> {
    state.set({ ...state.get(), phase: 'loading', sort, failure: null });
    const result = await callApi<ThreadResponse>(listUrl(sort, null), listInit());
    if (!result.ok) {
      state.set({ ...state.get(), phase: 'failed', failure: result.failure });
      return;
    }
    state.set({
      phase: 'ready',
      sort,
      total: result.body.total,
      comments: result.body.comments,
      nextCursor: result.body.nextCursor,
      loadingMore: false,
      failure: null,
      notice: '',
    });
  }

  async function loadMore(): Promise<void> {
    const current = state.get();
    if (current.nextCursor === null || current.loadingMore) return;
    state.setKey('loadingMore', true);
    const result = await callApi<ThreadResponse>(listUrl(current.sort, current.nextCursor), listInit());
    if (!result.ok) {
      state.set({ ...state.get(), loadingMore: false, failure: result.failure });
      return;
    }
    const known = new Set(state.get().comments.map((comment) => comment.id));
    const merged = [...state.get().comments, ...result.body.comments.filter((comment) => !known.has(comment.id))];
    state.set({
      ...state.get(),
      total: result.body.total,
      // The reader's own new comment was shown at once, ahead of the pages between; put everything in order.
      comments: inThreadOrder(merged, current.sort),
      nextCursor: result.body.nextCursor,
      loadingMore: false,
      failure: null,
    });
  }

  async function loadReplies(parentId: string): Promise<string[]> {
    const parent = state.get().comments.find((comment) => comment.id === parentId);
    if (!parent?.repliesCursor) return [];
    const url = `/api/comments/${parentId}/replies?${new URLSearchParams({ cursor: parent.repliesCursor })}`;
    const result = await callApi<RepliesResponse>(url, listInit());
    if (!result.ok) {
      state.set({ ...state.get(), failure: result.failure });
      return [];
    }
    const known = new Set(parent.replies.map((reply) => reply.id));
    const added = result.body.replies.filter((reply) => !known.has(reply.id));
    const comments = state.get().comments.map((comment) =>
      comment.id === parentId
        ? {
            ...comment,
            // The reader's own new reply was shown at once, ahead of the ones between: put everything in order.
            replies: inThreadOrder([...comment.replies, ...added], 'oldest'),
            moreReplies: Math.max(0, comment.moreReplies - added.length),
            repliesCursor: result.body.nextCursor,
          }
        : comment,
    );
    state.set({ ...state.get(), comments, failure: null, notice: `Showing ${added.length} more ${added.length === 1 ? 'reply' : 'replies'}.` });
    return added.map((reply) => reply.id);
  }

  // Writing is rarer than reading: its code (stores/comment-changes.ts) loads on the first change.
  const changes = () => import('./comment-changes.ts');
  const thread: Thread = {
    state,
    load,
    loadMore,
    loadReplies,
    post: async (input) => (await changes()).postComment(page, state, input),
    edit: async (id, text) => (await changes()).editComment(state, id, text),
    remove: async (id) => (await changes()).removeComment(state, id),
    report: async (id, reason) => (await changes()).reportComment(id, reason),
  };
  return thread;
}
