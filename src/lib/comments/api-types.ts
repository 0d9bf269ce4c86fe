/** The JSON shapes of the comments API, shared by the server that writes them and the browser code that reads them. */
import type { ThreadSort } from './cursor.ts';
import type { CommentStatus } from './moderation.ts';

/**
 * A comment as a reader sees it. `status` is `published`, `pending` (only ever sent to the comment's own author,
 * shown as "awaiting approval"), or `removed` (a top-level comment not shown, because it was deleted, rejected, hidden
 * by reports or sent back for approval, kept as a placeholder because replies to it are still shown; its name and
 * text are empty).
 */
export interface PublicComment {
  id: string;
  parentId: string | null;
  name: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt: string | null;
  status: 'published' | 'pending' | 'removed';
  /** True when the request proved (with the edit secret) that this reader wrote it. */
  mine: boolean;
  /** Replies, oldest first; only on top-level comments, and only the first few in a listing. */
  replies: PublicComment[];
  /** Replies not in `replies` yet (0 on replies). */
  moreReplies: number;
  /** Pass to `GET /api/comments/<id>/replies?cursor=` for the next replies; null when there are no more. */
  repliesCursor: string | null;
}

/** `GET /api/comments/<id>/replies` */
export interface RepliesResponse {
  parentId: string;
  replies: PublicComment[];
  nextCursor: string | null;
}

/** `DELETE /api/comments/<id>` with `erase: true`, and `POST /api/admin/comments/<id>/erase` */
export interface ErasedResponse {
  id: string;
  erased: true;
}

/** `GET /api/comments` */
export interface ThreadResponse {
  page: string;
  sort: ThreadSort;
  /** Comments readers can see on this page, replies included. */
  total: number;
  comments: PublicComment[];
  /** Pass back as `cursor` for the next 50 top-level comments; null on the last page. */
  nextCursor: string | null;
}

/** `POST /api/comments` → 201 (published) or 202 (pending). */
export interface CreatedResponse {
  comment: PublicComment;
  /** Proves authorship for edits and deletes; returned once, never stored in the clear. */
  editSecret: string;
  /** ISO 8601: edits and deletes with the secret are accepted until then. */
  editableUntil: string;
}

/** `PATCH /api/comments/<id>` */
export interface EditedResponse {
  comment: PublicComment;
}

/** `GET /api/comments/counts` */
export interface CountsResponse {
  counts: Record<string, number>;
}

/** Every error: a stable `code`, a sentence for people, and the request field at fault when there is one. */
export interface ErrorResponse {
  error: { code: string; message: string; field?: string };
}

/**
 * What the owner's view of a comment shares with the stored comment (src/server/comments/store/store.ts): `Time` is
 * ISO 8601 text in the API, milliseconds in storage.
 */
export interface CommentFields<Time> {
  id: string;
  /** Canonical page path, with a trailing slash: `/steps/take-time/`. */
  page: string;
  /** Top-level comment this replies to; replies are one level deep. */
  parentId: string | null;
  name: string;
  text: string;
  status: CommentStatus;
  createdAt: Time;
  editedAt: Time | null;
  /** Reports from different clients since the owner last reviewed it; 3 or more hide it. */
  openReports: number;
}

/** A comment as the site owner sees it in the moderation queues. */
export interface AdminComment extends CommentFields<string> {
  /** The reasons given with those reports, newest first (may be empty strings). */
  reportReasons: string[];
}

/** The owner's queues: waiting for approval, reported by readers, or rejected and deleted (to restore). */
export type AdminQueue = 'pending' | 'reported' | 'removed';
export const ADMIN_QUEUES: readonly AdminQueue[] = ['pending', 'reported', 'removed'];

/** What the owner can do to a comment. */
export type AdminAction = 'approve' | 'reject' | 'delete' | 'restore';
export const ADMIN_ACTIONS: readonly AdminAction[] = ['approve', 'reject', 'delete', 'restore'];

/** `GET /api/admin/comments?queue=` */
export interface AdminQueueResponse {
  queue: AdminQueue;
  comments: AdminComment[];
  nextCursor: string | null;
}

/** `POST /api/admin/comments/<id>/<action>` */
export interface AdminActionResponse {
  comment: AdminComment;
}
