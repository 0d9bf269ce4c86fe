/**
 * What readers and the owner see of stored comments: the one place that turns records into the API's JSON shapes
 * (lib/comments/api-types.ts), decides what a reader may see of a comment, and hands out list cursors.
 */
import type { AdminComment, PublicComment } from '../../lib/comments/api-types.ts';
import { encodeCursor, type ThreadSort } from '../../lib/comments/cursor.ts';
import { isVisible } from '../../lib/comments/moderation.ts';
import type { CommentRecord } from './store/store.ts';

export const iso = (time: number) => new Date(time).toISOString();
const isoOrNull = (time: number | null) => (time === null ? null : iso(time));

/** Replies a listing leaves out, and where to fetch them from. */
export interface MoreReplies {
  moreReplies: number;
  repliesCursor: string | null;
}
export const NO_MORE_REPLIES: MoreReplies = { moreReplies: 0, repliesCursor: null };

/**
 * A comment as a reader sees it: whole when visible, or when it is one of `own` and still published or waiting;
 * otherwise an empty "removed" placeholder (kept only so that the replies under it keep their place).
 */
export function publicComment(
  record: CommentRecord,
  own: ReadonlySet<string>,
  replies: PublicComment[] = [],
  more: MoreReplies = NO_MORE_REPLIES,
): PublicComment {
  const mine = own.has(record.id);
  const shown = isVisible(record.status, record.openReports);
  const ownWaiting = mine && (record.status === 'published' || record.status === 'pending');
  if (!shown && !ownWaiting) {
    return { id: record.id, parentId: null, name: '', text: '', createdAt: iso(record.createdAt), editedAt: null, status: 'removed', mine: false, replies, ...more };
  }
  return {
    id: record.id,
    parentId: record.parentId,
    name: record.name,
    text: record.text,
    createdAt: iso(record.createdAt),
    editedAt: isoOrNull(record.editedAt),
    status: shown ? 'published' : 'pending',
    mine,
    replies,
    ...more,
  };
}

/** A comment as the owner sees it in the moderation queues and after an action. */
export function adminComment(record: CommentRecord, reportReasons: string[] = []): AdminComment {
  return {
    id: record.id,
    page: record.page,
    parentId: record.parentId,
    name: record.name,
    text: record.text,
    status: record.status,
    createdAt: iso(record.createdAt),
    editedAt: isoOrNull(record.editedAt),
    openReports: record.openReports,
    reportReasons,
  };
}

/** The cursor for what follows `last` in the order `sort`, when the store returned more than the `shown` ones. */
export function nextCursor(last: CommentRecord | undefined, sort: ThreadSort, shown: number, inAll: number): string | null {
  return last && inAll > shown ? encodeCursor({ sort, createdAt: last.createdAt, id: last.id }) : null;
}

/** The cursor for the replies after `last`, when `inAll` replies leave some after the `shown` ones. */
export function repliesCursor(last: CommentRecord | undefined, shown: number, inAll: number): string | null {
  return nextCursor(last, 'oldest', shown, inAll);
}
