/** SQL that both comment stores use word for word: the columns, and the states a row can be in. */

export const COLUMNS = `id, page, parent_id, name, text, status, created_at, edited_at, secret_hash, client_hash, open_reports`;
/** An erased comment's placeholder (see isErased). */
export const ERASED = `(status = 'deleted' AND text = '')`;
/** Hidden by the owner or its author: erased a retention period later. */
export const HIDDEN_STATUSES = `('rejected', 'deleted')`;
/** Still in view for its author: shown, or waiting for approval. */
export const LIVE_STATUSES = `('published', 'pending')`;
