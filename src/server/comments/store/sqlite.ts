/** CommentStore on a SQLite file through node:sqlite: reads in sqlite-reads.ts, writes in sqlite-writes.ts. */
import { DatabaseSync } from 'node:sqlite';
import type { AdminQueue } from '../../../lib/comments/api-types.ts';
import type { CommentStatus } from '../../../lib/comments/moderation.ts';
import type { Admission, ListPosition, RateGuard } from '../../db/guards.ts';
import { SqliteConnection, type Row } from '../../db/sqlite.ts';
import { GroupCommit } from '../../db/sqlite-group-commit.ts';
import { COMMENTS_SCHEMA } from './schema.ts';
import { COLUMNS, toRecord } from './sql.ts';
import * as reads from './sqlite-reads.ts';
import * as writes from './sqlite-writes.ts';
import type * as store from './store.ts';

export class SqliteCommentStore implements store.CommentStore {
  readonly kind = 'sqlite';
  readonly #db: SqliteConnection;
  readonly #commits: GroupCommit;

  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    this.#db = new SqliteConnection(path, COMMENTS_SCHEMA, options);
    this.#commits = new GroupCommit(this.#db.db, COMMENTS_SCHEMA.what);
  }

  /** A read: commits pending writes first, so it sees only what is on disk; lock time-outs become StoreUnavailableError. */
  #read<T>(work: () => T): T {
    this.#commits.commit();
    return this.#db.guard(work);
  }

  /** A write, committed with the other writes of this turn of the event loop (db/sqlite-group-commit.ts). */
  #write<T>(work: () => T): Promise<T> {
    return this.#commits.run(work);
  }

  async thread(query: store.ThreadQuery): Promise<store.ThreadRows> {
    return this.#read(() => reads.thread(this.#db, query));
  }

  async replies(query: store.RepliesQuery): Promise<store.CommentRecord[]> {
    return this.#read(() => reads.replies(this.#db, query));
  }

  async pageVersion(page: string): Promise<number> {
    return this.#read(() => Number(this.#db.get('SELECT version FROM page_versions WHERE page = :page', { page })?.['version'] ?? 0));
  }

  async counts(pages: readonly string[], reportsToHide: number): Promise<Map<string, number>> {
    return this.#read(() => reads.counts(this.#db, pages, reportsToHide));
  }

  async get(id: string): Promise<store.CommentRecord | null> {
    return this.#read(() => {
      const row = this.#db.get(`SELECT ${COLUMNS} FROM comments WHERE id = :id`, { id });
      return row ? toRecord(row) : null;
    });
  }

  async getMany(ids: readonly string[]): Promise<store.CommentRecord[]> {
    return this.#read(() =>
      this.#db.all(`SELECT ${COLUMNS} FROM comments WHERE id IN (SELECT value FROM json_each(:ids))`, { ids: JSON.stringify(ids) }).map(toRecord),
    );
  }

  async insert(record: store.CommentRecord, guard: store.InsertGuard): Promise<Admission> {
    return this.#write(() => writes.insert(this.#db, record, guard));
  }

  async edit(id: string, change: { text: string; editedAt: number; status: CommentStatus }): Promise<store.CommentRecord | null> {
    return this.#write(() => writes.edit(this.#db, id, change));
  }

  async setStatus(id: string, change: store.StatusChange): Promise<store.CommentRecord | null> {
    return this.#write(() => writes.setStatus(this.#db, id, change));
  }

  async report(report: Omit<store.ReportRecord, 'open'>, guard: RateGuard): Promise<{ admission: Admission; added: boolean; openReports: number } | null> {
    return this.#write(() => writes.report(this.#db, report, guard));
  }

  async queue(queue: AdminQueue, after: ListPosition | null, limit: number): Promise<store.QueuedComment[]> {
    return this.#read(() => reads.queue(this.#db, queue, after, limit));
  }

  async latestVisible(page: string | null, limit: number, reportsToHide: number): Promise<store.CommentRecord[]> {
    return this.#read(() => reads.latestVisible(this.#db, page, limit, reportsToHide));
  }

  async erase(id: string): Promise<boolean> {
    return this.#write(() => writes.eraseOne(this.#db, id));
  }

  async eraseHiddenBefore(cutoff: number): Promise<number> {
    return this.#write(() => writes.eraseHiddenBefore(this.#db, cutoff));
  }

  async *exportAll(): AsyncIterable<store.ExportItem> {
    const { path } = this.#db;
    // A connection of its own, in one read transaction: a snapshot in which comments and reports agree, while
    // this store's connection (and other processes) keep writing. An in-memory database has only its one.
    const reader = path === ':memory:' ? this.#db.db : new DatabaseSync(path, { readOnly: true, timeout: this.#db.busyTimeoutMs });
    this.#read(() => reader.exec('BEGIN'));
    try {
      // Top-level comments first, so an import never meets a reply before its parent.
      for (const row of reader.prepare(`SELECT ${COLUMNS} FROM comments ORDER BY parent_id IS NOT NULL, created_at, id`).iterate()) {
        yield { type: 'comment', ...toRecord(row as Row) };
      }
      const reports = reader.prepare('SELECT comment_id, client_hash, reason, created_at, open FROM reports ORDER BY created_at, comment_id, client_hash');
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
      if (reader !== this.#db.db) reader.close();
    }
  }

  async importItems(items: Iterable<store.ExportItem> | AsyncIterable<store.ExportItem>): Promise<store.ImportResult> {
    const result: store.ImportResult = { inserted: 0, skipped: 0 };
    let batch: store.ExportItem[] = [];
    const flush = async () => {
      await this.#write(() => {
        for (const item of batch) {
          // A hidden comment's retention starts again on import: a backup does not say when it was hidden.
          const inserted = item.type === 'comment' ? writes.insertComment(this.#db, withoutType(item), Date.now()) : writes.insertReport(this.#db, item);
          if (inserted === 1) result.inserted += 1;
          else result.skipped += 1;
        }
      });
      batch = [];
    };
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= 500) await flush();
    }
    await flush();
    return result;
  }

  async close(): Promise<void> {
    if (this.#db.db.isOpen) this.#commits.commit();
    this.#db.close();
  }
}

export function withoutType(item: { type: 'comment' } & store.CommentRecord): store.CommentRecord {
  const { type: _type, ...record } = item;
  return record;
}
