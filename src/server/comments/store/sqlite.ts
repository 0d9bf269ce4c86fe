/** CommentStore on a SQLite file through node:sqlite: WAL, a busy timeout, foreign keys, versioned migrations. */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { AdminQueue } from '../../../lib/comments/api-types.ts';
import { REPORT_REASONS_KEPT } from '../../../lib/comments/limits.ts';
import type { CommentStatus } from '../../../lib/comments/moderation.ts';
import { prepareDataFile, restrictDataFiles } from '../../data-files.ts';
import { ownerEventForEdit, ownerEventForNewComment, ownerEventForReport, type OwnerEventKind } from '../../../lib/notify/events.ts';
import { NOTIFY_SQLITE_SCHEMA, QUEUE_OWNER_EVENT_SQLITE } from '../../notify/schema.ts';
import type { Migration } from '../../db/migration.ts';
import { guardBusy, migrate, writeTransaction } from '../../db/sqlite.ts';
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

/** How long a writer waits by default for another process's write lock before giving up with StoreUnavailableError. */
const BUSY_TIMEOUT_MS = 5000;

/** Each migration runs once, in order, inside the same transaction as its version row. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        page TEXT NOT NULL,
        parent_id TEXT REFERENCES comments (id),
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'deleted')),
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        secret_hash TEXT NOT NULL,
        client_hash TEXT NOT NULL,
        open_reports INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- Threads and replies in reading order; rate limits by client. The moderation queues get partial indexes of
      -- their own, so that no index on status tempts the planner away from page and parent in reader queries.
      CREATE INDEX comments_thread ON comments (page, parent_id, created_at, id);
      CREATE INDEX comments_replies ON comments (parent_id, created_at, id);
      CREATE INDEX comments_client ON comments (client_hash, created_at);
      CREATE INDEX comments_pending ON comments (created_at, id) WHERE status = 'pending';
      CREATE INDEX comments_removed ON comments (created_at, id) WHERE status IN ('rejected', 'deleted');
      CREATE INDEX comments_reported ON comments (created_at, id) WHERE open_reports > 0;
      CREATE TABLE reports (
        comment_id TEXT NOT NULL REFERENCES comments (id),
        client_hash TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        open INTEGER NOT NULL CHECK (open IN (0, 1)),
        PRIMARY KEY (comment_id, client_hash)
      ) STRICT;
      CREATE TABLE page_versions (page TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT;
    `,
  },
  {
    // When a comment was deleted or rejected, so it can be erased a retention period later. Comments hidden before
    // this migration count from now.
    version: 2,
    sql: `
      ALTER TABLE comments ADD COLUMN hidden_at INTEGER;
      UPDATE comments SET hidden_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE status IN ('rejected', 'deleted');
      CREATE INDEX comments_hidden ON comments (hidden_at) WHERE hidden_at IS NOT NULL;
      CREATE INDEX reports_client ON reports (client_hash, created_at);
    `,
  },
  { version: 3, sql: NOTIFY_SQLITE_SCHEMA },
];

/** Bumps the version of the page of comment :id (see CommentStore.pageVersion). */
const BUMP_PAGE_OF_COMMENT = `
  INSERT INTO page_versions (page, version) SELECT page, 1 FROM comments WHERE id = :id
  ON CONFLICT (page) DO UPDATE SET version = version + 1`;
/** Bumps the version of :page, for a change that leaves no comment row to find it by. */
const BUMP_PAGE = `
  INSERT INTO page_versions (page, version) VALUES (:page, 1)
  ON CONFLICT (page) DO UPDATE SET version = version + 1`;
/** An erased comment's placeholder (see isErased). */
const ERASED = `(status = 'deleted' AND text = '')`;
const HIDDEN_STATUSES = `('rejected', 'deleted')`;

const COLUMNS = `id, page, parent_id, name, text, status, created_at, edited_at, secret_hash, client_hash, open_reports`;
const VISIBLE = (alias: string) => `(${alias}.status = 'published' AND ${alias}.open_reports < :hide)`;
/** The reader's own comments stay in view while they wait for approval or review. */
const OWN = (alias: string) =>
  `(${alias}.status IN ('published', 'pending') AND ${alias}.id IN (SELECT value FROM json_each(:own)))`;

type Row = Record<string, unknown>;

function toRecord(row: Row): CommentRecord {
  return {
    id: String(row['id']),
    page: String(row['page']),
    parentId: row['parent_id'] === null ? null : String(row['parent_id']),
    name: String(row['name']),
    text: String(row['text']),
    status: String(row['status']) as CommentStatus,
    createdAt: Number(row['created_at']),
    editedAt: row['edited_at'] === null ? null : Number(row['edited_at']),
    secretHash: String(row['secret_hash']),
    clientHash: String(row['client_hash']),
    openReports: Number(row['open_reports']),
  };
}

export class SqliteCommentStore implements CommentStore {
  readonly kind = 'sqlite';
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #path: string;
  readonly #busyTimeoutMs: number;

  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    this.#path = path;
    this.#busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    if (path !== ':memory:') prepareDataFile(path);
    this.#db = new DatabaseSync(path, { timeout: this.#busyTimeoutMs, enableForeignKeyConstraints: true });
    this.#guard(() => {
      this.#db.exec('PRAGMA journal_mode = WAL');
      // SQLite gives the -wal and -shm files the database file's mode; ones left by an older version are fixed here.
      if (path !== ':memory:') restrictDataFiles(path);
      // FULL: a comment acknowledged to its author is on disk, even if the machine loses power right after.
      this.#db.exec('PRAGMA synchronous = FULL');
      this.#db.exec('PRAGMA foreign_keys = ON');
      this.#migrate();
    });
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #all(sql: string, params: Record<string, SQLInputValue> = {}): Row[] {
    return this.#statement(sql).all(params) as Row[];
  }

  #get(sql: string, params: Record<string, SQLInputValue> = {}): Row | undefined {
    return this.#statement(sql).get(params) as Row | undefined;
  }

  #run(sql: string, params: Record<string, SQLInputValue> = {}): number {
    return Number(this.#statement(sql).run(params).changes);
  }

  /** Turns lock time-outs into StoreUnavailableError, so callers can answer "try again" instead of failing. */
  #guard<T>(work: () => T): T {
    return guardBusy(work, 'the comments database');
  }

  /** Runs `work` in a write transaction taken up front, so it waits for the lock instead of failing to upgrade. */
  #write<T>(work: () => T): T {
    return writeTransaction(this.#db, work, 'the comments database');
  }

  #migrate(): void {
    migrate(this.#db, 'schema_migrations', MIGRATIONS, 'the comments database');
  }

  async thread(query: ThreadQuery): Promise<ThreadRows> {
    return this.#guard(() => {
      const newest = query.sort === 'newest';
      const params: Record<string, SQLInputValue> = {
        page: query.page,
        hide: query.reportsToHide,
        own: JSON.stringify(query.ownIds),
        limit: query.limit + 1,
      };
      let after = '';
      if (query.after) {
        after = newest ? 'AND (c.created_at, c.id) < (:afterAt, :afterId)' : 'AND (c.created_at, c.id) > (:afterAt, :afterId)';
        params['afterAt'] = query.after.createdAt;
        params['afterId'] = query.after.id;
      }
      const order = newest ? 'DESC' : 'ASC';
      const topLevel = this.#all(
        `SELECT ${COLUMNS} FROM comments c
         WHERE c.page = :page AND c.parent_id IS NULL ${after}
           AND (${VISIBLE('c')} OR ${OWN('c')}
                OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id AND (${VISIBLE('r')} OR ${OWN('r')})))
         ORDER BY c.created_at ${order}, c.id ${order}
         LIMIT :limit`,
        params,
      ).map(toRecord);
      const parentIds = JSON.stringify(topLevel.slice(0, query.limit).map((comment) => comment.id));
      const replyRows = this.#all(
        `SELECT * FROM (
           SELECT ${COLUMNS},
                  row_number() OVER (PARTITION BY r.parent_id ORDER BY r.created_at, r.id) AS position,
                  count(*) OVER (PARTITION BY r.parent_id) AS in_all
           FROM comments r
           WHERE r.parent_id IN (SELECT value FROM json_each(:parents)) AND (${VISIBLE('r')} OR ${OWN('r')}))
         WHERE position <= :repliesLimit
         ORDER BY created_at, id`,
        { parents: parentIds, hide: query.reportsToHide, own: params['own'] as string, repliesLimit: query.repliesLimit },
      );
      const replies = replyRows.map(toRecord);
      const replyCounts = new Map(replyRows.map((row) => [String(row['parent_id']), Number(row['in_all'])]));
      const total = Number(
        this.#get(`SELECT count(*) AS total FROM comments c WHERE c.page = :page AND ${VISIBLE('c')}`, {
          page: query.page,
          hide: query.reportsToHide,
        })?.['total'],
      );
      return { topLevel, replies, replyCounts, total };
    });
  }

  async replies(query: RepliesQuery): Promise<CommentRecord[]> {
    return this.#guard(() => {
      const params: Record<string, SQLInputValue> = {
        parent: query.parentId,
        hide: query.reportsToHide,
        own: JSON.stringify(query.ownIds),
        limit: query.limit + 1,
        afterAt: query.after?.createdAt ?? -1,
        afterId: query.after?.id ?? '',
      };
      return this.#all(
        `SELECT ${COLUMNS} FROM comments r
         WHERE r.parent_id = :parent AND (${VISIBLE('r')} OR ${OWN('r')}) AND (r.created_at, r.id) > (:afterAt, :afterId)
         ORDER BY r.created_at, r.id
         LIMIT :limit`,
        params,
      ).map(toRecord);
    });
  }

  async pageVersion(page: string): Promise<number> {
    return this.#guard(() => Number(this.#get('SELECT version FROM page_versions WHERE page = :page', { page })?.['version'] ?? 0));
  }

  async counts(pages: readonly string[], reportsToHide: number): Promise<Map<string, number>> {
    return this.#guard(() => {
      const rows = this.#all(
        `SELECT c.page, count(*) AS total FROM comments c
         WHERE c.page IN (SELECT value FROM json_each(:pages)) AND ${VISIBLE('c')}
         GROUP BY c.page`,
        { pages: JSON.stringify(pages), hide: reportsToHide },
      );
      return new Map(rows.map((row) => [String(row['page']), Number(row['total'])]));
    });
  }

  async get(id: string): Promise<CommentRecord | null> {
    return this.#guard(() => {
      const row = this.#get(`SELECT ${COLUMNS} FROM comments WHERE id = :id`, { id });
      return row ? toRecord(row) : null;
    });
  }

  async getMany(ids: readonly string[]): Promise<CommentRecord[]> {
    return this.#guard(() =>
      this.#all(`SELECT ${COLUMNS} FROM comments WHERE id IN (SELECT value FROM json_each(:ids))`, {
        ids: JSON.stringify(ids),
      }).map(toRecord),
    );
  }

  async insert(record: CommentRecord, guard: InsertGuard): Promise<Admission> {
    return this.#write(() => {
      const recent = this.#all(
        'SELECT created_at FROM comments WHERE client_hash = :client AND created_at > :since ORDER BY created_at',
        { client: record.clientHash, since: guard.since },
      ).map((row) => Number(row['created_at']));
      const threadReplies =
        record.parentId === null
          ? 0
          : Number(
              this.#get(`SELECT count(*) AS replies FROM comments WHERE parent_id = :parent AND status IN ('published', 'pending')`, {
                parent: record.parentId,
              })?.['replies'],
            );
      const admission = guard.admit(recent, threadReplies);
      if (admission.admitted) {
        this.#insertComment(record, null);
        this.#queueOwnerEvent(ownerEventForNewComment(record.status), record, record.createdAt);
      }
      return admission;
    });
  }

  /** `hiddenAt`: when a hidden comment counts as hidden since (for retention); ignored for visible ones. */
  #insertComment(record: CommentRecord, hiddenAt: number | null): number {
    const inserted = this.#run(
      `INSERT INTO comments (${COLUMNS}, hidden_at)
       VALUES (:id, :page, :parentId, :name, :text, :status, :createdAt, :editedAt, :secretHash, :clientHash, :openReports,
               CASE WHEN :status IN ${HIDDEN_STATUSES} AND :text <> '' THEN :hiddenAt END)
       ON CONFLICT (id) DO NOTHING`,
      { ...record, hiddenAt },
    );
    if (inserted > 0) this.#run(BUMP_PAGE_OF_COMMENT, { id: record.id });
    return inserted;
  }

  async edit(id: string, change: { text: string; editedAt: number; status: CommentStatus }): Promise<CommentRecord | null> {
    return this.#write(() => {
      const before = this.#get('SELECT status FROM comments WHERE id = :id', { id });
      const changed = this.#run(
        `UPDATE comments SET text = :text, edited_at = :editedAt, status = :status
         WHERE id = :id AND status IN ('published', 'pending')`,
        { id, ...change },
      );
      if (changed === 0) return null;
      this.#run(BUMP_PAGE_OF_COMMENT, { id });
      const row = this.#get(`SELECT ${COLUMNS} FROM comments WHERE id = :id`, { id });
      if (!row) return null;
      const edited = toRecord(row);
      this.#queueOwnerEvent(ownerEventForEdit(String(before?.['status']) as CommentStatus, edited.status), edited, change.editedAt);
      return edited;
    });
  }

  async setStatus(id: string, change: StatusChange): Promise<CommentRecord | null> {
    return this.#write(() => {
      const changed = this.#run(
        `UPDATE comments SET status = :status, open_reports = CASE WHEN :reviewed THEN 0 ELSE open_reports END,
           hidden_at = CASE WHEN :status IN ${HIDDEN_STATUSES} THEN coalesce(hidden_at, :at) END
         WHERE id = :id AND NOT ${ERASED}`,
        { id, status: change.status, reviewed: change.reviewed ? 1 : 0, at: change.at },
      );
      if (changed === 0) return null;
      this.#run(BUMP_PAGE_OF_COMMENT, { id });
      if (change.reviewed) this.#run('UPDATE reports SET open = 0 WHERE comment_id = :id AND open = 1', { id });
      const row = this.#get(`SELECT ${COLUMNS} FROM comments WHERE id = :id`, { id });
      return row ? toRecord(row) : null;
    });
  }

  async report(
    report: Omit<ReportRecord, 'open'>,
    guard: RateGuard,
  ): Promise<{ admission: Admission; added: boolean; openReports: number } | null> {
    return this.#write(() => {
      const comment = this.#get('SELECT open_reports FROM comments WHERE id = :id', { id: report.commentId });
      if (!comment) return null;
      const recent = this.#all(
        'SELECT created_at FROM reports WHERE client_hash = :client AND created_at > :since ORDER BY created_at',
        { client: report.clientHash, since: guard.since },
      ).map((row) => Number(row['created_at']));
      const admission = guard.admit(recent);
      if (!admission.admitted) return { admission, added: false, openReports: Number(comment['open_reports']) };
      const added =
        this.#run(
          `INSERT INTO reports (comment_id, client_hash, reason, created_at, open)
           VALUES (:commentId, :clientHash, :reason, :createdAt, 1)
           ON CONFLICT (comment_id, client_hash) DO NOTHING`,
          { ...report },
        ) === 1;
      if (added) {
        this.#run('UPDATE comments SET open_reports = open_reports + 1 WHERE id = :id', { id: report.commentId });
        this.#run(BUMP_PAGE_OF_COMMENT, { id: report.commentId });
        // The count keeps growing; the reasons stop at the newest few, so no comment can gather pages of them.
        this.#run(
          `UPDATE reports SET reason = '' WHERE comment_id = :id AND reason <> '' AND client_hash NOT IN (
             SELECT client_hash FROM reports WHERE comment_id = :id AND reason <> ''
             ORDER BY created_at DESC, client_hash DESC LIMIT :kept)`,
          { id: report.commentId, kept: REPORT_REASONS_KEPT },
        );
      }
      const row = this.#get(`SELECT ${COLUMNS} FROM comments WHERE id = :id`, { id: report.commentId });
      const reported = row ? toRecord(row) : null;
      if (added && reported) {
        this.#queueOwnerEvent(ownerEventForReport(reported.status, reported.openReports - 1, reported.openReports), reported, report.createdAt);
      }
      return { admission, added, openReports: reported?.openReports ?? 0 };
    });
  }

  async queue(queue: AdminQueue, after: ListPosition | null, limit: number): Promise<QueuedComment[]> {
    return this.#guard(() => {
      // The pending and reported queues are worked oldest first; removed comments are looked up newest first.
      const newest = queue === 'removed';
      const filter = {
        pending: `status = 'pending'`,
        reported: `open_reports > 0 AND status IN ('published', 'pending')`,
        removed: `status IN ${HIDDEN_STATUSES} AND NOT ${ERASED}`,
      }[queue];
      const params: Record<string, SQLInputValue> = { limit };
      let position = '';
      if (after) {
        position = newest ? 'AND (created_at, id) < (:afterAt, :afterId)' : 'AND (created_at, id) > (:afterAt, :afterId)';
        params['afterAt'] = after.createdAt;
        params['afterId'] = after.id;
      }
      const order = newest ? 'DESC' : 'ASC';
      const rows = this.#all(
        `SELECT ${COLUMNS} FROM comments WHERE ${filter} ${position} ORDER BY created_at ${order}, id ${order} LIMIT :limit`,
        params,
      ).map(toRecord);
      return rows.map((record) => ({
        ...record,
        reportReasons: this.#all(
          `SELECT reason FROM reports WHERE comment_id = :id AND open = 1 AND reason <> ''
           ORDER BY created_at DESC, client_hash DESC LIMIT :kept`,
          { id: record.id, kept: REPORT_REASONS_KEPT },
        ).map((row) => String(row['reason'])),
      }));
    });
  }

  async *exportAll(): AsyncIterable<ExportItem> {
    // A connection of its own, in one read transaction: a snapshot in which comments and reports agree, while
    // this store's connection (and other processes) keep writing. An in-memory database has only its one.
    const reader = this.#path === ':memory:' ? this.#db : new DatabaseSync(this.#path, { readOnly: true, timeout: this.#busyTimeoutMs });
    this.#guard(() => reader.exec('BEGIN'));
    try {
      // Top-level comments first, so an import never meets a reply before its parent.
      for (const row of reader.prepare(`SELECT ${COLUMNS} FROM comments ORDER BY parent_id IS NOT NULL, created_at, id`).iterate()) {
        yield { type: 'comment', ...toRecord(row as Row) };
      }
      const reports = reader.prepare(
        'SELECT comment_id, client_hash, reason, created_at, open FROM reports ORDER BY created_at, comment_id, client_hash',
      );
      for (const row of reports.iterate()) {
        const report = row as Row;
        yield {
          type: 'report',
          commentId: String(report['comment_id']),
          clientHash: String(report['client_hash']),
          reason: String(report['reason']),
          createdAt: Number(report['created_at']),
          open: Number(report['open']) === 1,
        };
      }
    } finally {
      if (reader.isTransaction) reader.exec('COMMIT');
      if (reader !== this.#db) reader.close();
    }
  }

  async importItems(items: Iterable<ExportItem> | AsyncIterable<ExportItem>): Promise<ImportResult> {
    const result: ImportResult = { inserted: 0, skipped: 0 };
    let batch: ExportItem[] = [];
    const flush = () => {
      this.#write(() => {
        for (const item of batch) {
          // A hidden comment's retention starts again on import: a backup does not say when it was hidden.
          const inserted = item.type === 'comment' ? this.#insertComment(withoutType(item), Date.now()) : this.#insertReport(item);
          if (inserted === 1) result.inserted += 1;
          else result.skipped += 1;
        }
      });
      batch = [];
    };
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= 500) flush();
    }
    flush();
    return result;
  }

  /** Puts an owner event in the notification outbox, inside the caller's write transaction. */
  #queueOwnerEvent(kind: OwnerEventKind | null, comment: CommentRecord, at: number): void {
    if (kind === null) return;
    this.#run(QUEUE_OWNER_EVENT_SQLITE, { kind, page: comment.page, commentId: comment.id, at });
  }

  async latestVisible(page: string | null, limit: number, reportsToHide: number): Promise<CommentRecord[]> {
    // Two statements rather than `:page IS NULL OR …`, so the one for a page can use the thread index.
    const onPage = page === null ? '' : 'c.page = :page AND';
    return this.#guard(() =>
      this.#all(
        `SELECT ${COLUMNS} FROM comments c WHERE ${onPage} ${VISIBLE('c')}
         ORDER BY c.created_at DESC, c.id DESC LIMIT :limit`,
        { ...(page !== null && { page }), limit, hide: reportsToHide },
      ).map(toRecord),
    );
  }

  #insertReport(report: ReportRecord): number {
    return this.#run(
      `INSERT INTO reports (comment_id, client_hash, reason, created_at, open)
       VALUES (:commentId, :clientHash, :reason, :createdAt, :open)
       ON CONFLICT (comment_id, client_hash) DO NOTHING`,
      {
        commentId: report.commentId,
        clientHash: report.clientHash,
        reason: report.reason,
        createdAt: report.createdAt,
        open: report.open ? 1 : 0,
      },
    );
  }

  async erase(id: string): Promise<boolean> {
    return this.#write(() => this.#eraseOne(id));
  }

  async eraseHiddenBefore(cutoff: number): Promise<number> {
    return this.#write(() => {
      // Replies first, so that a parent whose last reply goes can go with it.
      const ids = this.#all(
        `SELECT id FROM comments WHERE hidden_at < :cutoff ORDER BY parent_id IS NULL, created_at, id`,
        { cutoff },
      ).map((row) => String(row['id']));
      return ids.filter((id) => this.#eraseOne(id)).length;
    });
  }

  /** See CommentStore.erase; call inside a write transaction. */
  #eraseOne(id: string): boolean {
    const row = this.#get(`SELECT page, parent_id FROM comments WHERE id = :id AND NOT ${ERASED}`, { id });
    if (!row) return false;
    const page = String(row['page']);
    const parentId = row['parent_id'] === null ? null : String(row['parent_id']);
    this.#run('DELETE FROM reports WHERE comment_id = :id', { id });
    if (this.#get('SELECT 1 AS found FROM comments WHERE parent_id = :id LIMIT 1', { id })) {
      this.#run(
        `UPDATE comments SET name = '', text = '', status = 'deleted', edited_at = NULL, secret_hash = :secretHash,
           client_hash = :clientHash, open_reports = 0, hidden_at = NULL
         WHERE id = :id`,
        { id, secretHash: ERASED_SECRET_HASH, clientHash: ERASED_CLIENT_HASH },
      );
    } else {
      this.#run('DELETE FROM comments WHERE id = :id', { id });
      // A placeholder whose last reply has gone holds nothing worth keeping.
      if (parentId !== null) {
        this.#run(
          `DELETE FROM comments WHERE id = :parent AND ${ERASED} AND NOT EXISTS (SELECT 1 FROM comments WHERE parent_id = :parent)`,
          { parent: parentId },
        );
      }
    }
    this.#run(BUMP_PAGE, { page });
    return true;
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}

function withoutType(item: { type: 'comment' } & CommentRecord): CommentRecord {
  const { type: _type, ...record } = item;
  return record;
}
