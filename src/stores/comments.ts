/**
 * Comment threads for the Comments island: one small store per page, the API calls that change it, and the edit
 * secrets of the reader's own comments (localStorage `back-together:comment-keys`, synced across tabs).
 */
import { persistentAtom } from '@nanostores/persistent';
import { map, type MapStore, type ReadableAtom } from 'nanostores';
import type { CreatedResponse, EditedResponse, ErrorResponse, PublicComment, ThreadResponse } from '../lib/comments/api-types.ts';
import type { ThreadSort } from '../lib/comments/cursor.ts';
import { ownKeysHeader, parseOwnKeys, type OwnCommentKey, type OwnCommentKeys } from '../lib/comments/own-keys.ts';

export const OWN_KEYS_STORAGE_KEY = 'back-together:comment-keys';

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
  try {
    storedKeys.set(change(storedKeys.get()));
  } catch (error) {
    // Storage full or blocked: the comment is posted all the same, it just cannot be edited from here.
    console.warn('Back Together: could not save the comment key on this device.', error);
  }
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

/** Why a request failed, in the API's words (or ours, when the server could not be reached). */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  field?: string;
}

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; failure: ApiFailure };

const NETWORK_FAILURE: ApiFailure = {
  status: 0,
  code: 'network',
  message: 'Could not reach the server. Check your connection and try again.',
};

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Calls the API; never throws: failures come back as values the island can show. */
export async function callApi<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    return { ok: false, failure: NETWORK_FAILURE };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): described below by status alone.
  }
  if (response.ok) return { ok: true, status: response.status, body: body as T };
  if (isErrorResponse(body)) {
    const failure: ApiFailure = { status: response.status, code: body.error.code, message: body.error.message };
    if (body.error.field !== undefined) failure.field = body.error.field;
    return { ok: false, failure };
  }
  return { ok: false, failure: { status: response.status, code: 'http_error', message: `The server answered ${response.status}. Try again in a moment.` } };
}

function sendJson(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
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

/** Replaces the comment with `id` (top-level or reply) by what `change` returns; null removes it. */
function changeComment(comments: PublicComment[], id: string, change: (comment: PublicComment) => PublicComment | null): PublicComment[] {
  return comments.flatMap((comment) => {
    if (comment.id === id) return change(comment) ?? [];
    return [{ ...comment, replies: changeComment(comment.replies, id, change) }];
  });
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

  async function post(input: NewComment): Promise<ApiResult<CreatedResponse>> {
    const result = await callApi<CreatedResponse>('/api/comments', sendJson('POST', { page, ...input }));
    if (!result.ok) return result;
    const { comment, editSecret } = result.body;
    rememberKey(comment.id, { secret: editSecret, page, createdAt: Date.parse(comment.createdAt) });
    const current = state.get();
    let comments: PublicComment[];
    if (comment.parentId !== null) {
      comments = changeComment(current.comments, comment.parentId, (parent) => ({ ...parent, replies: [...parent.replies, comment] }));
    } else if (current.sort === 'newest') {
      comments = [comment, ...current.comments];
    } else {
      // Oldest first it belongs at the very end; shown there at once, and put in place as more pages load.
      comments = [...current.comments, comment];
    }
    state.set({ ...current, comments, total: current.total + (comment.status === 'published' ? 1 : 0) });
    return result;
  }

  async function edit(id: string, text: string): Promise<ApiResult<EditedResponse>> {
    const key = storedKeys.get()[id];
    const result = await callApi<EditedResponse>(`/api/comments/${id}`, sendJson('PATCH', { text, editSecret: key?.secret ?? null }));
    if (!result.ok) return result;
    const edited = result.body.comment;
    const current = state.get();
    let total = current.total;
    const comments = changeComment(current.comments, id, (comment) => {
      // An edit that adds a link can send the comment back for approval.
      if (comment.status === 'published' && edited.status !== 'published') total -= 1;
      return { ...edited, replies: comment.replies };
    });
    state.set({ ...current, comments, total });
    return result;
  }

  async function remove(id: string): Promise<ApiResult<unknown>> {
    const key = storedKeys.get()[id];
    const result = await callApi<unknown>(`/api/comments/${id}`, sendJson('DELETE', { editSecret: key?.secret ?? null }));
    if (!result.ok) return result;
    forgetKey(id);
    const current = state.get();
    let total = current.total;
    const comments = changeComment(current.comments, id, (comment) => {
      if (comment.status === 'published') total -= 1;
      // Replies keep their place under a placeholder.
      return comment.replies.length > 0
        ? { ...comment, name: '', text: '', editedAt: null, status: 'removed', mine: false }
        : null;
    });
    state.set({ ...current, comments, total, notice: 'Your comment was deleted.' });
    return result;
  }

  function report(id: string, reason: string): Promise<ApiResult<unknown>> {
    return callApi<unknown>(`/api/comments/${id}/report`, sendJson('POST', { reason }));
  }

  return { state, load, loadMore, post, edit, remove, report };
}
