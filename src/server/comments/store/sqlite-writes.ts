/**
 * What the SQLite comment store writes, each in one write transaction: every change bumps its page's version and
 * queues the owner's notification (notify/schema.ts) in the same transaction. Call these inside `db.write`.
 */
import { REPORT_REASONS_KEPT } from '../../../lib/comments/limits.ts';
import type { CommentStatus } from '../../../lib/comments/moderation.ts';
import { ownerEventForEdit, ownerEventForNewComment, ownerEventForReport, type OwnerEventKind } from '../../../lib/notify/events.ts';
import type { Admission, RateGuard } from '../../db/guards.ts';
import type { SqliteConnection } from '../../db/sqlite.ts';
import { QUEUE_OWNER_EVENT_SQLITE } from '../../notify/schema.ts';
import { COLUMNS, ERASED, HIDDEN_STATUSES, LIVE_STATUSES } from './sql.ts';
import { toRecord } from './sql.ts';
import { ERASED_CLIENT_HASH, ERASED_SECRET_HASH, type CommentRecord, type InsertGuard, type ReportRecord, type StatusChange } from './store.ts';

/** Bumps the version of the page of comment :id (see CommentStore.pageVersion). */
const BUMP_PAGE_OF_COMMENT = `
  INSERT INTO page_versions (page, version) SELECT page, 1 FROM comments WHERE id = :id
  ON CONFLICT (page) DO UPDATE SET version = version + 1`;
/** Bumps the version of :page, for a change that leaves no comment row to find it by. */
const BUMP_PAGE = `
  INSERT INTO page_versions (page, version) VALUES (:page, 1)
  ON CONFLICT (page) DO UPDATE SET version = version + 1`;

function recordOf(db: SqliteConnection, id: string): CommentRecord | null {
  const row = db.get(`SELECT ${COLUMNS} FROM comments WHERE id = :id`, { id });
  return row ? toRecord(row) : null;
}

/** Puts an owner event in the notification outbox. */
function queueOwnerEvent(db: SqliteConnection, kind: OwnerEventKind | null, comment: CommentRecord, at: number): void {
  if (kind === null) return;
  db.run(QUEUE_OWNER_EVENT_SQLITE, { kind, page: comment.page, commentId: comment.id, at });
}

/** The client's writes of one kind (`table`: comments or reports) after `since`, oldest first. */
function recentTimes(db: SqliteConnection, table: 'comments' | 'reports', client: string, since: number): number[] {
  return db
    .all(`SELECT created_at FROM ${table} WHERE client_hash = :client AND created_at > :since ORDER BY created_at`, { client, since })
    .map((row) => Number(row['created_at']));
}

/** `hiddenAt`: when a hidden comment counts as hidden since (for retention); ignored for visible ones. */
export function insertComment(db: SqliteConnection, record: CommentRecord, hiddenAt: number | null): number {
  const inserted = db.run(
    `INSERT INTO comments (${COLUMNS}, hidden_at)
     VALUES (:id, :page, :parentId, :name, :text, :status, :createdAt, :editedAt, :secretHash, :clientHash, :openReports,
             CASE WHEN :status IN ${HIDDEN_STATUSES} AND :text <> '' THEN :hiddenAt END)
     ON CONFLICT (id) DO NOTHING`,
    { ...record, hiddenAt },
  );
  if (inserted > 0) db.run(BUMP_PAGE_OF_COMMENT, { id: record.id });
  return inserted;
}

export function insertReport(db: SqliteConnection, report: ReportRecord): number {
  return db.run(
    `INSERT INTO reports (comment_id, client_hash, reason, created_at, open)
     VALUES (:commentId, :clientHash, :reason, :createdAt, :open)
     ON CONFLICT (comment_id, client_hash) DO NOTHING`,
    { commentId: report.commentId, clientHash: report.clientHash, reason: report.reason, createdAt: report.createdAt, open: report.open ? 1 : 0 },
  );
}

export function insert(db: SqliteConnection, record: CommentRecord, guard: InsertGuard): Admission {
  const recent = recentTimes(db, 'comments', record.clientHash, guard.since);
  const threadReplies =
    record.parentId === null
      ? 0
      : Number(db.get(`SELECT count(*) AS replies FROM comments WHERE parent_id = :parent AND status IN ${LIVE_STATUSES}`, { parent: record.parentId })?.['replies']);
  const admission = guard.admit(recent, threadReplies);
  if (admission.admitted) {
    insertComment(db, record, null);
    queueOwnerEvent(db, ownerEventForNewComment(record.status), record, record.createdAt);
  }
  return admission;
}

export function edit(db: SqliteConnection, id: string, change: { text: string; editedAt: number; status: CommentStatus }): CommentRecord | null {
  const before = db.get('SELECT status FROM comments WHERE id = :id', { id });
  const changed = db.run(`UPDATE comments SET text = :text, edited_at = :editedAt, status = :status WHERE id = :id AND status IN ${LIVE_STATUSES}`, {
    id,
    ...change,
  });
  if (changed === 0) return null;
  db.run(BUMP_PAGE_OF_COMMENT, { id });
  const edited = recordOf(db, id);
  if (edited) queueOwnerEvent(db, ownerEventForEdit(String(before?.['status']) as CommentStatus, edited.status), edited, change.editedAt);
  return edited;
}

export function setStatus(db: SqliteConnection, id: string, change: StatusChange): CommentRecord | null {
  const changed = db.run(
    `UPDATE comments SET status = :status, open_reports = CASE WHEN :reviewed THEN 0 ELSE open_reports END,
       hidden_at = CASE WHEN :status IN ${HIDDEN_STATUSES} THEN coalesce(hidden_at, :at) END
     WHERE id = :id AND NOT ${ERASED}`,
    { id, status: change.status, reviewed: change.reviewed ? 1 : 0, at: change.at },
  );
  if (changed === 0) return null;
  db.run(BUMP_PAGE_OF_COMMENT, { id });
  if (change.reviewed) db.run('UPDATE reports SET open = 0 WHERE comment_id = :id AND open = 1', { id });
  return recordOf(db, id);
}

export function report(
  db: SqliteConnection,
  report: Omit<ReportRecord, 'open'>,
  guard: RateGuard,
): { admission: Admission; added: boolean; openReports: number } | null {
  const comment = db.get('SELECT open_reports FROM comments WHERE id = :id', { id: report.commentId });
  if (!comment) return null;
  const admission = guard.admit(recentTimes(db, 'reports', report.clientHash, guard.since));
  if (!admission.admitted) return { admission, added: false, openReports: Number(comment['open_reports']) };
  const added = insertReport(db, { ...report, open: true }) === 1;
  if (added) {
    db.run('UPDATE comments SET open_reports = open_reports + 1 WHERE id = :id', { id: report.commentId });
    db.run(BUMP_PAGE_OF_COMMENT, { id: report.commentId });
    // The count keeps growing; the reasons stop at the newest few, so no comment can gather pages of them.
    db.run(
      `UPDATE reports SET reason = '' WHERE comment_id = :id AND reason <> '' AND client_hash NOT IN (
         SELECT client_hash FROM reports WHERE comment_id = :id AND reason <> ''
         ORDER BY created_at DESC, client_hash DESC LIMIT :kept)`,
      { id: report.commentId, kept: REPORT_REASONS_KEPT },
    );
  }
  const reported = recordOf(db, report.commentId);
  if (added && reported) {
    queueOwnerEvent(db, ownerEventForReport(reported.status, reported.openReports - 1, reported.openReports), reported, report.createdAt);
  }
  return { admission, added, openReports: reported?.openReports ?? 0 };
}

/** See CommentStore.erase. */
export function eraseOne(db: SqliteConnection, id: string): boolean {
  const row = db.get(`SELECT page, parent_id FROM comments WHERE id = :id AND NOT ${ERASED}`, { id });
  if (!row) return false;
  const parentId = row['parent_id'] === null ? null : String(row['parent_id']);
  db.run('DELETE FROM reports WHERE comment_id = :id', { id });
  if (db.get('SELECT 1 AS found FROM comments WHERE parent_id = :id LIMIT 1', { id })) {
    db.run(
      `UPDATE comments SET name = '', text = '', status = 'deleted', edited_at = NULL, secret_hash = :secretHash,
         client_hash = :clientHash, open_reports = 0, hidden_at = NULL
       WHERE id = :id`,
      { id, secretHash: ERASED_SECRET_HASH, clientHash: ERASED_CLIENT_HASH },
    );
  } else {
    db.run('DELETE FROM comments WHERE id = :id', { id });
    // A placeholder whose last reply has gone holds nothing worth keeping.
    if (parentId !== null) {
      db.run(`DELETE FROM comments WHERE id = :parent AND ${ERASED} AND NOT EXISTS (SELECT 1 FROM comments WHERE parent_id = :parent)`, {
        parent: parentId,
      });
    }
  }
  db.run(BUMP_PAGE, { page: String(row['page']) });
  return true;
}

export function eraseHiddenBefore(db: SqliteConnection, cutoff: number): number {
  // Replies first, so that a parent whose last reply goes can go with it.
  const ids = db
    .all(`SELECT id FROM comments WHERE hidden_at < :cutoff ORDER BY parent_id IS NULL, created_at, id`, { cutoff })
    .map((row) => String(row['id']));
  return ids.filter((id) => eraseOne(db, id)).length;
}
