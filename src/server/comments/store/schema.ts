/**
 * The comments schema, once for both dialects: each migration runs once, in order, in the same transaction as its
 * version row (schema_migrations). Never reorder or edit an applied migration: add the next one at the end.
 */
import { migrationsInOrder, type StoreSchema } from '../../db/migration.ts';
import { notifySchema } from '../../notify/schema.ts';

export const COMMENTS_SCHEMA: StoreSchema = {
  what: 'the comments database',
  applicationName: 'back-together-comments',
  versionTable: 'schema_migrations',
  migrationLock: 7_246_031_001,
  migrations: migrationsInOrder((t, dialect) => [
    // 1: comments, their reports, and a version per page that cached answers are checked against.
    `
      CREATE TABLE comments (
        id ${t.text} PRIMARY KEY,
        page ${t.text} NOT NULL,
        parent_id ${t.text} REFERENCES comments (id),
        name ${t.text} NOT NULL,
        text ${t.text} NOT NULL,
        status ${t.text} NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'deleted')),
        created_at ${t.time} NOT NULL,
        edited_at ${t.time},
        secret_hash ${t.text} NOT NULL,
        client_hash ${t.text} NOT NULL,
        open_reports ${t.integer} NOT NULL DEFAULT 0
      )${t.strict};
      -- Threads and replies in reading order; rate limits by client. The moderation queues get partial indexes of
      -- their own, so that no index on status tempts the planner away from page and parent in reader queries.
      CREATE INDEX comments_thread ON comments (page, parent_id, created_at, id);
      CREATE INDEX comments_replies ON comments (parent_id, created_at, id);
      CREATE INDEX comments_client ON comments (client_hash, created_at);
      CREATE INDEX comments_pending ON comments (created_at, id) WHERE status = 'pending';
      CREATE INDEX comments_removed ON comments (created_at, id) WHERE status IN ('rejected', 'deleted');
      CREATE INDEX comments_reported ON comments (created_at, id) WHERE open_reports > 0;
      CREATE TABLE reports (
        comment_id ${t.text} NOT NULL REFERENCES comments (id),
        client_hash ${t.text} NOT NULL,
        reason ${t.text} NOT NULL,
        created_at ${t.time} NOT NULL,
        open ${t.flag('open')},
        PRIMARY KEY (comment_id, client_hash)
      )${t.strict};
      CREATE TABLE page_versions (page ${t.text} PRIMARY KEY, version ${t.bigint} NOT NULL)${t.strict};
    `,
    // 2: when a comment was deleted or rejected, so it can be erased a retention period later. Comments hidden before
    // this migration count from now.
    `
      ALTER TABLE comments ADD COLUMN hidden_at ${t.time};
      UPDATE comments SET hidden_at = ${t.now} WHERE status IN ('rejected', 'deleted');
      CREATE INDEX comments_hidden ON comments (hidden_at) WHERE hidden_at IS NOT NULL;
      CREATE INDEX reports_client ON reports (client_hash, created_at);
    `,
    // 3: the notification outbox.
    notifySchema(dialect),
  ]),
};
