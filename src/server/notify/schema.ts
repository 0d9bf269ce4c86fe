/**
 * The notification outbox, in the comments database itself, so an event is stored in the same transaction as the
 * comment write that causes it. Each store adds these tables as a migration and writes events with the statements
 * below.
 *
 * - `notify_channels`: one row per delivery channel (webhook, e-mail) that a server process has set up: the lease
 *   a sender takes before it sends, the batching and back-off schedule, and the last delivery's result.
 * - `notify_outbox`: events waiting to be told, one row per channel. No client hash and no comment text: only the
 *   kind, the page, the comment id and the time. A delivered row is deleted.
 */
import { COLUMN_TYPES, type Dialect } from '../db/dialect.ts';

/** The outbox tables as a migration of the comment store in `dialect`; times are milliseconds in both. */
export function notifySchema(dialect: Dialect): string {
  const t = COLUMN_TYPES[dialect];
  return `
  CREATE TABLE notify_channels (
    channel ${t.text} PRIMARY KEY,
    claim_token ${t.text},
    lease_until ${t.epochMs},
    next_attempt_at ${t.epochMs} NOT NULL DEFAULT 0,
    failures ${t.integer} NOT NULL DEFAULT 0,
    last_attempt_at ${t.epochMs},
    last_sent_at ${t.epochMs},
    last_outcome ${t.text} CHECK (last_outcome IN ('sent', 'failed')),
    last_detail ${t.text}
  )${t.strict};
  CREATE TABLE notify_outbox (
    id ${t.serialKey},
    channel ${t.text} NOT NULL,
    kind ${t.text} NOT NULL CHECK (kind IN ('pending', 'hidden')),
    page ${t.text} NOT NULL,
    comment_id ${t.text} NOT NULL,
    created_at ${t.epochMs} NOT NULL
  )${t.strict};
  CREATE INDEX notify_outbox_channel ON notify_outbox (channel, id);
  CREATE INDEX notify_outbox_created ON notify_outbox (created_at);
`;
}

/**
 * Queues an event for every channel set up (none: nothing is stored). Named parameters for node:sqlite;
 * PostgreSQL uses the same statement with positional ones (see comments/store/postgres-writes.ts).
 */
export const QUEUE_OWNER_EVENT_SQLITE = `
  INSERT INTO notify_outbox (channel, kind, page, comment_id, created_at)
  SELECT channel, :kind, :page, :commentId, :at FROM notify_channels`;
