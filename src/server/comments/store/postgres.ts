/** CommentStore on PostgreSQL through the `postgres` client: pooled connections, versioned migrations. */
import postgres from 'postgres';
import { MigratedPool } from '../../db/postgres.ts';
import type { Migration } from '../../db/migration.ts';
import type { AdminQueue } from '../../../lib/comments/api-types.ts';
import { REPORT_REASONS_KEPT } from '../../../lib/comments/limits.ts';
import type { CommentStatus } from '../../../lib/comments/moderation.ts';
import { ownerEventForEdit, ownerEventForNewComment, ownerEventForReport, type OwnerEventKind } from '../../../lib/notify/events.ts';
import { NOTIFY_POSTGRES_SCHEMA } from '../../notify/schema.ts';
import {
  ERASED_CLIENT_HASH,
  ERASED_SECRET_HASH,
  type CommentRecord,
  type CommentStore,
  type ExportItem,
  type ImportResult,
  type InsertGuard,
  type QueuedComment,
  type RepliesQuery,
  type ReportRecord,
  type StatusChange,
  type ThreadQuery,
  type ThreadRows,
} from './store.ts';
import type { Admission, ListPosition, RateGuard } from '../../db/guards.ts';

/** Any advisory-lock key will do as long as it is always the same: it serialises migrations across processes. */
const MIGRATION_LOCK = 7_246_031_001;

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE comments (
        id text PRIMARY KEY,
        page text NOT NULL,
        parent_id text REFERENCES comments (id),
        name text NOT NULL,
        text text NOT NULL,
        status text NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'deleted')),
        created_at timestamptz(3) NOT NULL,
        edited_at timestamptz(3),
        secret_hash text NOT NULL,
        client_hash text NOT NULL,
        open_reports integer NOT NULL DEFAULT 0
      );
      -- Threads and replies in reading order; rate limits by client. The moderation queues get partial indexes of
      -- their own, so that no index on status tempts the planner away from page and parent in reader queries.
      CREATE INDEX comments_thread ON comments (page, parent_id, created_at, id);
      CREATE INDEX comments_replies ON comments (parent_id, created_at, id);
      CREATE INDEX comments_client ON comments (client_hash, created_at);
      CREATE INDEX comments_pending ON comments (created_at, id) WHERE status = 'pending';
      CREATE INDEX comments_removed ON comments (created_at, id) WHERE status IN ('rejected', 'deleted');
      CREATE INDEX comments_reported ON comments (created_at, id) WHERE open_reports > 0;
      CREATE TABLE reports (
        comment_id text NOT NULL REFERENCES comments (id),
        client_hash text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz(3) NOT NULL,
        open boolean NOT NULL,
        PRIMARY KEY (comment_id, client_hash)
      );
      CREATE TABLE page_versions (page text PRIMARY KEY, version bigint NOT NULL);
    `,
  },
  {
    // When a comment was deleted or rejected, so it can be erased a retention period later. Comments hidden before
    // this migration count from now.
    version: 2,
    sql: `
      ALTER TABLE comments ADD COLUMN hidden_at timestamptz(3);
      UPDATE comments SET hidden_at = now() WHERE status IN ('rejected', 'deleted');
      CREATE INDEX comments_hidden ON comments (hidden_at) WHERE hidden_at IS NOT NULL;
      CREATE INDEX reports_client ON reports (client_hash, created_at);
    `,
  },
  { version: 3, sql: NOTIFY_POSTGRES_SCHEMA },
];

/** Bumps the version of the page of comment `id` (see CommentStore.pageVersion); call inside the write's transaction. */
async function bumpPageOf(sql: Query, id: string): Promise<void> {
  await sql`
    INSERT INTO page_versions (page, version) SELECT page, 1 FROM comments WHERE id = ${id}
    ON CONFLICT (page) DO UPDATE SET version = page_versions.version + 1`;
}

/** Bumps the version of `page`, for a change that leaves no comment row to find it by. */
async function bumpPage(sql: Query, page: string): Promise<void> {
  await sql`
    INSERT INTO page_versions (page, version) VALUES (${page}, 1)
    ON CONFLICT (page) DO UPDATE SET version = page_versions.version + 1`;
}

/** Puts an owner event in the notification outbox (see notify/schema.ts); call inside the write's transaction. */
async function queueOwnerEvent(sql: Query, kind: OwnerEventKind | null, comment: CommentRecord, at: number): Promise<void> {
  if (kind === null) return;
  await sql`
    INSERT INTO notify_outbox (channel, kind, page, comment_id, created_at)
    SELECT channel, ${kind}, ${comment.page}, ${comment.id}, ${at} FROM notify_channels`;
}

type Sql = postgres.Sql;
type Query = postgres.TransactionSql | Sql;
type Row = postgres.Row;

function toRecord(row: Row): CommentRecord {
  return {
    id: row['id'] as string,
    page: row['page'] as string,
    parentId: (row['parent_id'] as string | null) ?? null,
    name: row['name'] as string,
    text: row['text'] as string,
    status: row['status'] as CommentStatus,
    createdAt: (row['created_at'] as Date).getTime(),
    editedAt: row['edited_at'] === null ? null : (row['edited_at'] as Date).getTime(),
    secretHash: row['secret_hash'] as string,
    clientHash: row['client_hash'] as string,
    openReports: row['open_reports'] as number,
  };
}

export class PostgresCommentStore implements CommentStore {
  readonly kind = 'postgres';
  readonly #pool: MigratedPool;
  readonly #sql: Sql;

  constructor(url: string, options: { maxConnections?: number } = {}) {
    this.#pool = new MigratedPool(url, {
      maxConnections: options.maxConnections ?? 10,
      applicationName: 'back-together-comments',
      migrationLock: MIGRATION_LOCK,
      versionTable: 'schema_migrations',
      migrations: MIGRATIONS,
      what: 'the comments database',
    });
    this.#sql = this.#pool.sql;
  }

  #ensureReady(): Promise<void> {
    return this.#pool.ready();
  }

  #guard<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.#pool.run(work);
  }

  async thread(query: ThreadQuery): Promise<ThreadRows> {
    return this.#guard(async (sql) => {
      const newest = query.sort === 'newest';
      const hide = query.reportsToHide;
      const own = [...query.ownIds];
      const order = newest ? sql`DESC` : sql`ASC`;
      const after = query.after
        ? newest
          ? sql`AND (c.created_at, c.id) < (${new Date(query.after.createdAt)}, ${query.after.id})`
          : sql`AND (c.created_at, c.id) > (${new Date(query.after.createdAt)}, ${query.after.id})`
        : sql``;
      const topLevel = (
        await sql`
          SELECT c.* FROM comments c
          WHERE c.page = ${query.page} AND c.parent_id IS NULL ${after}
            AND ((c.status = 'published' AND c.open_reports < ${hide})
                 OR (c.status IN ('published', 'pending') AND c.id = ANY(${own}::text[]))
                 OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id
                            AND ((r.status = 'published' AND r.open_reports < ${hide})
                                 OR (r.status IN ('published', 'pending') AND r.id = ANY(${own}::text[])))))
          ORDER BY c.created_at ${order}, c.id ${order}
          LIMIT ${query.limit + 1}`
      ).map(toRecord);
      const parentIds = topLevel.slice(0, query.limit).map((comment) => comment.id);
      const [replies, totals] = await Promise.all([
        parentIds.length === 0
          ? Promise.resolve([])
          : sql`
              SELECT * FROM (
                SELECT r.*,
                       row_number() OVER (PARTITION BY r.parent_id ORDER BY r.created_at, r.id) AS position,
                       count(*) OVER (PARTITION BY r.parent_id)::int AS in_all
                FROM comments r
                WHERE r.parent_id = ANY(${parentIds}::text[])
                  AND ((r.status = 'published' AND r.open_reports < ${hide})
                       OR (r.status IN ('published', 'pending') AND r.id = ANY(${own}::text[])))) counted
              WHERE position <= ${query.repliesLimit}
              ORDER BY created_at, id`,
        sql`SELECT count(*)::int AS total FROM comments
            WHERE page = ${query.page} AND status = 'published' AND open_reports < ${hide}`,
      ]);
      return {
        topLevel,
        replies: replies.map(toRecord),
        replyCounts: new Map(replies.map((row) => [row['parent_id'] as string, row['in_all'] as number])),
        total: Number(totals[0]?.['total'] ?? 0),
      };
    });
  }

  async replies(query: RepliesQuery): Promise<CommentRecord[]> {
    return this.#guard(async (sql) => {
      const own = [...query.ownIds];
      const after = query.after ? sql`AND (r.created_at, r.id) > (${new Date(query.after.createdAt)}, ${query.after.id})` : sql``;
      const rows = await sql`
        SELECT r.* FROM comments r
        WHERE r.parent_id = ${query.parentId} ${after}
          AND ((r.status = 'published' AND r.open_reports < ${query.reportsToHide})
               OR (r.status IN ('published', 'pending') AND r.id = ANY(${own}::text[])))
        ORDER BY r.created_at, r.id
        LIMIT ${query.limit + 1}`;
      return rows.map(toRecord);
    });
  }

  async pageVersion(page: string): Promise<number> {
    return this.#guard(async (sql) => {
      const [row] = await sql`SELECT version FROM page_versions WHERE page = ${page}`;
      return Number(row?.['version'] ?? 0);
    });
  }

  async counts(pages: readonly string[], reportsToHide: number): Promise<Map<string, number>> {
    return this.#guard(async (sql) => {
      const rows = await sql`
        SELECT page, count(*)::int AS total FROM comments
        WHERE page = ANY(${[...pages]}::text[]) AND status = 'published' AND open_reports < ${reportsToHide}
        GROUP BY page`;
      return new Map(rows.map((row) => [row['page'] as string, row['total'] as number]));
    });
  }

  async get(id: string): Promise<CommentRecord | null> {
    return this.#guard(async (sql) => {
      const [row] = await sql`SELECT * FROM comments WHERE id = ${id}`;
      return row ? toRecord(row) : null;
    });
  }

  async getMany(ids: readonly string[]): Promise<CommentRecord[]> {
    return this.#guard(async (sql) =>
      (await sql`SELECT * FROM comments WHERE id = ANY(${[...ids]}::text[])`).map(toRecord),
    );
  }

  async insert(record: CommentRecord, guard: InsertGuard): Promise<Admission> {
    return this.#guard((sql) =>
      sql.begin(async (tx) => {
        // One poster's inserts queue behind each other, so two at once cannot both slip under the limit.
        await tx`SELECT pg_advisory_xact_lock(hashtextextended(${record.clientHash}, 0))`;
        const recent = await tx`
          SELECT created_at FROM comments
          WHERE client_hash = ${record.clientHash} AND created_at > ${new Date(guard.since)}
          ORDER BY created_at`;
        let threadReplies = 0;
        if (record.parentId !== null) {
          // Replies to one comment queue behind each other, so two at once cannot both take the last place.
          await tx`SELECT id FROM comments WHERE id = ${record.parentId} FOR UPDATE`;
          const [row] = await tx`
            SELECT count(*)::int AS replies FROM comments
            WHERE parent_id = ${record.parentId} AND status IN ('published', 'pending')`;
          threadReplies = Number(row?.['replies'] ?? 0);
        }
        const admission = guard.admit(recent.map((row) => (row['created_at'] as Date).getTime()), threadReplies);
        if (admission.admitted) {
          await insertComment(tx, record, null);
          await queueOwnerEvent(tx, ownerEventForNewComment(record.status), record, record.createdAt);
        }
        return admission;
      }),
    );
  }

  async edit(id: string, change: { text: string; editedAt: number; status: CommentStatus }): Promise<CommentRecord | null> {
    return this.#guard((sql) =>
      sql.begin(async (tx) => {
        const [before] = await tx`SELECT status FROM comments WHERE id = ${id} FOR UPDATE`;
        const [row] = await tx`
          UPDATE comments SET text = ${change.text}, edited_at = ${new Date(change.editedAt)}, status = ${change.status}
          WHERE id = ${id} AND status IN ('published', 'pending')
          RETURNING *`;
        if (!row) return null;
        await bumpPageOf(tx, id);
        const edited = toRecord(row);
        await queueOwnerEvent(tx, ownerEventForEdit(before?.['status'] as CommentStatus, edited.status), edited, change.editedAt);
        return edited;
      }),
    );
  }

  async setStatus(id: string, change: StatusChange): Promise<CommentRecord | null> {
    return this.#guard((sql) =>
      sql.begin(async (tx) => {
        const hidden = change.status === 'rejected' || change.status === 'deleted';
        const [row] = await tx`
          UPDATE comments SET status = ${change.status},
            open_reports = CASE WHEN ${change.reviewed} THEN 0 ELSE open_reports END,
            hidden_at = CASE WHEN ${hidden} THEN coalesce(hidden_at, ${new Date(change.at)}) END
          WHERE id = ${id} AND NOT (status = 'deleted' AND text = '')
          RETURNING *`;
        if (!row) return null;
        await bumpPageOf(tx, id);
        if (change.reviewed) await tx`UPDATE reports SET open = false WHERE comment_id = ${id} AND open`;
        return toRecord(row);
      }),
    );
  }

  async report(
    report: Omit<ReportRecord, 'open'>,
    guard: RateGuard,
  ): Promise<{ admission: Admission; added: boolean; openReports: number } | null> {
    return this.#guard((sql) =>
      sql.begin(async (tx) => {
        const [comment] = await tx`SELECT open_reports FROM comments WHERE id = ${report.commentId} FOR UPDATE`;
        if (!comment) return null;
        // One client's reports queue behind each other, so a burst cannot slip under the limit together.
        await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`report ${report.clientHash}`}, 0))`;
        const recent = await tx`
          SELECT created_at FROM reports
          WHERE client_hash = ${report.clientHash} AND created_at > ${new Date(guard.since)}
          ORDER BY created_at`;
        const admission = guard.admit(recent.map((row) => (row['created_at'] as Date).getTime()));
        if (!admission.admitted) return { admission, added: false, openReports: Number(comment['open_reports']) };
        const inserted = await tx`
          INSERT INTO reports (comment_id, client_hash, reason, created_at, open)
          VALUES (${report.commentId}, ${report.clientHash}, ${report.reason}, ${new Date(report.createdAt)}, true)
          ON CONFLICT (comment_id, client_hash) DO NOTHING`;
        const added = inserted.count === 1;
        if (added) {
          await bumpPageOf(tx, report.commentId);
          // The count keeps growing; the reasons stop at the newest few, so no comment can gather pages of them.
          await tx`
            UPDATE reports SET reason = '' WHERE comment_id = ${report.commentId} AND reason <> '' AND client_hash NOT IN (
              SELECT client_hash FROM reports WHERE comment_id = ${report.commentId} AND reason <> ''
              ORDER BY created_at DESC, client_hash DESC LIMIT ${REPORT_REASONS_KEPT})`;
        }
        const [row] = added
          ? await tx`UPDATE comments SET open_reports = open_reports + 1 WHERE id = ${report.commentId} RETURNING *`
          : await tx`SELECT * FROM comments WHERE id = ${report.commentId}`;
        if (added && row) {
          const reported = toRecord(row);
          const kind = ownerEventForReport(reported.status, reported.openReports - 1, reported.openReports);
          await queueOwnerEvent(tx, kind, reported, report.createdAt);
        }
        return { admission, added, openReports: Number(row?.['open_reports'] ?? 0) };
      }),
    );
  }

  async queue(queue: AdminQueue, after: ListPosition | null, limit: number): Promise<QueuedComment[]> {
    return this.#guard(async (sql) => {
      // The pending and reported queues are worked oldest first; removed comments are looked up newest first.
      const newest = queue === 'removed';
      const filter = {
        pending: sql`status = 'pending'`,
        reported: sql`open_reports > 0 AND status IN ('published', 'pending')`,
        removed: sql`status IN ('rejected', 'deleted') AND NOT (status = 'deleted' AND text = '')`,
      }[queue];
      const order = newest ? sql`DESC` : sql`ASC`;
      const position = after
        ? newest
          ? sql`AND (c.created_at, c.id) < (${new Date(after.createdAt)}, ${after.id})`
          : sql`AND (c.created_at, c.id) > (${new Date(after.createdAt)}, ${after.id})`
        : sql``;
      const rows = await sql`
        SELECT c.*, coalesce(
          (SELECT array_agg(reason ORDER BY created_at DESC, client_hash DESC) FROM (
             SELECT r.reason, r.created_at, r.client_hash FROM reports r WHERE r.comment_id = c.id AND r.open AND r.reason <> ''
             ORDER BY r.created_at DESC, r.client_hash DESC LIMIT ${REPORT_REASONS_KEPT}) newest),
          '{}') AS report_reasons
        FROM comments c WHERE ${filter} ${position}
        ORDER BY c.created_at ${order}, c.id ${order}
        LIMIT ${limit}`;
      return rows.map((row) => ({ ...toRecord(row), reportReasons: row['report_reasons'] as string[] }));
    });
  }

  async latestVisible(page: string | null, limit: number, reportsToHide: number): Promise<CommentRecord[]> {
    return this.#guard(async (sql) => {
      const onPage = page === null ? sql`` : sql`page = ${page} AND`;
      const rows = await sql`
        SELECT * FROM comments WHERE ${onPage} status = 'published' AND open_reports < ${reportsToHide}
        ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
      return rows.map(toRecord);
    });
  }

  async *exportAll(): AsyncIterable<ExportItem> {
    await this.#ensureReady();
    const sql = this.#sql;
    // One read-only snapshot, so comments and reports agree even while the site keeps taking comments.
    const reserved = await sql.reserve();
    try {
      await reserved`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`;
      for await (const rows of reserved`
        SELECT * FROM comments ORDER BY parent_id IS NOT NULL, created_at, id`.cursor(500)) {
        for (const row of rows) yield { type: 'comment', ...toRecord(row) };
      }
      for await (const rows of reserved`
        SELECT * FROM reports ORDER BY created_at, comment_id, client_hash`.cursor(500)) {
        for (const row of rows) {
          yield {
            type: 'report',
            commentId: row['comment_id'] as string,
            clientHash: row['client_hash'] as string,
            reason: row['reason'] as string,
            createdAt: (row['created_at'] as Date).getTime(),
            open: row['open'] as boolean,
          };
        }
      }
      await reserved`COMMIT`;
    } finally {
      reserved.release();
    }
  }

  async importItems(items: Iterable<ExportItem> | AsyncIterable<ExportItem>): Promise<ImportResult> {
    await this.#ensureReady();
    const result: ImportResult = { inserted: 0, skipped: 0 };
    let batch: ExportItem[] = [];
    const flush = async () => {
      const current = batch;
      batch = [];
      await this.#sql.begin(async (tx) => {
        for (const item of current) {
          // A hidden comment's retention starts again on import: a backup does not say when it was hidden.
          const inserted =
            item.type === 'comment' ? await insertComment(tx, item, Date.now()) : await insertReport(tx, item);
          if (inserted) result.inserted += 1;
          else result.skipped += 1;
        }
      });
    };
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= 500) await flush();
    }
    await flush();
    return result;
  }

  async erase(id: string): Promise<boolean> {
    return this.#guard((sql) => sql.begin((tx) => eraseOne(tx, id)));
  }

  async eraseHiddenBefore(cutoff: number): Promise<number> {
    return this.#guard(async (sql) => {
      // Replies first, so that a parent whose last reply goes can go with it.
      const rows = await sql`
        SELECT id FROM comments WHERE hidden_at < ${new Date(cutoff)} ORDER BY parent_id IS NULL, created_at, id`;
      let erased = 0;
      for (const row of rows) {
        if (await sql.begin((tx) => eraseOne(tx, row['id'] as string))) erased += 1;
      }
      return erased;
    });
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}

/** See CommentStore.erase; call inside a transaction. */
async function eraseOne(tx: Query, id: string): Promise<boolean> {
  const [row] = await tx`
    SELECT page, parent_id FROM comments WHERE id = ${id} AND NOT (status = 'deleted' AND text = '') FOR UPDATE`;
  if (!row) return false;
  const parentId = (row['parent_id'] as string | null) ?? null;
  await tx`DELETE FROM reports WHERE comment_id = ${id}`;
  const [reply] = await tx`SELECT 1 AS found FROM comments WHERE parent_id = ${id} LIMIT 1`;
  if (reply) {
    await tx`
      UPDATE comments SET name = '', text = '', status = 'deleted', edited_at = NULL, secret_hash = ${ERASED_SECRET_HASH},
        client_hash = ${ERASED_CLIENT_HASH}, open_reports = 0, hidden_at = NULL
      WHERE id = ${id}`;
  } else {
    await tx`DELETE FROM comments WHERE id = ${id}`;
    // A placeholder whose last reply has gone holds nothing worth keeping.
    if (parentId !== null) {
      await tx`
        DELETE FROM comments WHERE id = ${parentId} AND status = 'deleted' AND text = ''
          AND NOT EXISTS (SELECT 1 FROM comments WHERE parent_id = ${parentId})`;
    }
  }
  await bumpPage(tx, row['page'] as string);
  return true;
}

/** `hiddenAt`: when a hidden comment counts as hidden since (for retention); ignored for visible or erased ones. */
async function insertComment(sql: Query, record: CommentRecord, hiddenAt: number | null): Promise<boolean> {
  const hidden = (record.status === 'rejected' || record.status === 'deleted') && record.text !== '';
  const result = await sql`
    INSERT INTO comments (id, page, parent_id, name, text, status, created_at, edited_at, secret_hash, client_hash, open_reports, hidden_at)
    VALUES (${record.id}, ${record.page}, ${record.parentId}, ${record.name}, ${record.text}, ${record.status},
            ${new Date(record.createdAt)}, ${record.editedAt === null ? null : new Date(record.editedAt)},
            ${record.secretHash}, ${record.clientHash}, ${record.openReports},
            ${hidden && hiddenAt !== null ? new Date(hiddenAt) : null})
    ON CONFLICT (id) DO NOTHING`;
  if (result.count === 1) await bumpPageOf(sql, record.id);
  return result.count === 1;
}

async function insertReport(sql: Query, report: ReportRecord): Promise<boolean> {
  const result = await sql`
    INSERT INTO reports (comment_id, client_hash, reason, created_at, open)
    VALUES (${report.commentId}, ${report.clientHash}, ${report.reason}, ${new Date(report.createdAt)}, ${report.open})
    ON CONFLICT (comment_id, client_hash) DO NOTHING`;
  return result.count === 1;
}
