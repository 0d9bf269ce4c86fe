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

export const NOTIFY_SQLITE_SCHEMA = `
  CREATE TABLE notify_channels (
    channel TEXT PRIMARY KEY,
    claim_token TEXT,
    lease_until INTEGER,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    last_attempt_at INTEGER,
    last_sent_at INTEGER,
    last_outcome TEXT CHECK (last_outcome IN ('sent', 'failed')),
    last_detail TEXT
  ) STRICT;
  CREATE TABLE notify_outbox (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pending', 'hidden')),
    page TEXT NOT NULL,
    comment_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX notify_outbox_channel ON notify_outbox (channel, id);
  CREATE INDEX notify_outbox_created ON notify_outbox (created_at);
`;

export const NOTIFY_POSTGRES_SCHEMA = `
  CREATE TABLE notify_channels (
    channel text PRIMARY KEY,
    claim_token text,
    lease_until bigint,
    next_attempt_at bigint NOT NULL DEFAULT 0,
    failures integer NOT NULL DEFAULT 0,
    last_attempt_at bigint,
    last_sent_at bigint,
    last_outcome text CHECK (last_outcome IN ('sent', 'failed')),
    last_detail text
  );
  CREATE TABLE notify_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('pending', 'hidden')),
    page text NOT NULL,
    comment_id text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX notify_outbox_channel ON notify_outbox (channel, id);
  CREATE INDEX notify_outbox_created ON notify_outbox (created_at);
`;

/**
 * Queues an event for every channel set up (none: nothing is stored). Named parameters for node:sqlite;
 * PostgreSQL uses the same statement with positional ones (see postgres-store.ts).
 */
export const QUEUE_OWNER_EVENT_SQLITE = `
  INSERT INTO notify_outbox (channel, kind, page, comment_id, created_at)
  SELECT channel, :kind, :page, :commentId, :at FROM notify_channels`;
