/**
 * The changes a reader makes to a thread — post, edit, delete, report — and how the thread shows them at once.
 * Loaded on the first change (stores/comments.ts imports it lazily), so reading a thread never downloads it.
 */
import type { MapStore } from 'nanostores';
import type { CreatedResponse, EditedResponse, PublicComment } from '../lib/comments/api-types.ts';
import { callApi, type ApiResult } from './api.ts';
import { forgetKey, ownKeys, rememberKey, type NewComment, type ThreadState } from './comments.ts';

function sendJson(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** Replaces the comment with `id` (top-level or reply) by what `change` returns; null removes it. */
function changeComment(comments: PublicComment[], id: string, change: (comment: PublicComment) => PublicComment | null): PublicComment[] {
  return comments.flatMap((comment) => {
    if (comment.id === id) return change(comment) ?? [];
    return [{ ...comment, replies: changeComment(comment.replies, id, change) }];
  });
}

/** Posts a comment or reply, keeps its edit secret, and shows it in the thread at once. */
export async function postComment(page: string, state: MapStore<ThreadState>, input: NewComment): Promise<ApiResult<CreatedResponse>> {
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

/** Saves an edit with this browser's secret and shows it in place. */
export async function editComment(state: MapStore<ThreadState>, id: string, text: string): Promise<ApiResult<EditedResponse>> {
  const key = ownKeys.get()[id];
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

/** Erases one of the reader's comments from the server for good; replies stay under a placeholder. */
export async function removeComment(state: MapStore<ThreadState>, id: string): Promise<ApiResult<unknown>> {
  const key = ownKeys.get()[id];
  const result = await callApi<unknown>(`/api/comments/${id}`, sendJson('DELETE', { editSecret: key?.secret ?? null, erase: true }));
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
  state.set({ ...current, comments, total, notice: 'Your comment was deleted and erased from the server.' });
  return result;
}

/** Reports a comment to the site owner. */
export function reportComment(id: string, reason: string): Promise<ApiResult<unknown>> {
  return callApi<unknown>(`/api/comments/${id}/report`, sendJson('POST', { reason }));
}
