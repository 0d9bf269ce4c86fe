/** SQL that both comment stores use word for word: the columns, the states a row can be in, the moderation queues. */
import type { AdminQueue } from '../../../lib/comments/api-types.ts';
import { rowMapper } from '../../db/rows.ts';
import type { CommentRecord } from './store.ts';

export const COLUMNS = `id, page, parent_id, name, text, status, created_at, edited_at, secret_hash, client_hash, open_reports`;

/** A row with COLUMNS as the comment it holds, from either engine. */
export const toRecord = rowMapper<CommentRecord>({
  text: ['id', 'page', 'name', 'text', 'status', 'secret_hash', 'client_hash'],
  textOrNull: ['parent_id'],
  time: ['created_at'],
  timeOrNull: ['edited_at'],
  integer: ['open_reports'],
});
/** An erased comment's placeholder (see isErased). */
export const ERASED = `(status = 'deleted' AND text = '')`;
/** Hidden by the owner or its author: erased a retention period later. */
export const HIDDEN_STATUSES = `('rejected', 'deleted')`;
/** Still in view for its author: shown, or waiting for approval. */
export const LIVE_STATUSES = `('published', 'pending')`;

/** Which comments each moderation queue holds. */
export const QUEUE_FILTERS: Readonly<Record<AdminQueue, string>> = {
  pending: `status = 'pending'`,
  reported: `open_reports > 0 AND status IN ${LIVE_STATUSES}`,
  removed: `status IN ${HIDDEN_STATUSES} AND NOT ${ERASED}`,
};
