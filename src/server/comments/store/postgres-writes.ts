/**
 * What the PostgreSQL comment store writes, each in one transaction: every change bumps its page's version and
 * queues the owner's notification (notify/schema.ts) in the same transaction. Call these inside `sql.begin`.
 */
import type postgres from 'postgres';
import { REPORT_REASONS_KEPT } from '../../../lib/comments/limits.ts';
import type { CommentStatus } from '../../../lib/comments/moderation.ts';
import { ownerEventForEdit, ownerEventForNewComment, ownerEventForReport, type OwnerEventKind } from '../../../lib/notify/events.ts';
import type { Admission, RateGuard } from '../../db/guards.ts';
import { millis, timeOrNull } from '../../db/postgres.ts';
import { ERASED, LIVE_STATUSES } from './sql.ts';
import { toRecord } from './sql.ts';
import { ERASED_CLIENT_HASH, ERASED_SECRET_HASH, type CommentRecord, type InsertGuard, type ReportRecord, type StatusChange } from './store.ts';

type Tx = postgres.TransactionSql | postgres.Sql;

/** Bumps the version of the page of comment `id` (see CommentStore.pageVersion). */
async function bumpPageOf(tx: Tx, id: string): Promise<void> {
  await tx`
    INSERT INTO page_versions (page, version) SELECT page, 1 FROM comments WHERE id = ${id}
    ON CONFLICT (page) DO UPDATE SET version = page_versions.version + 1`;
}

/** Bumps the version of `page`, for a change that leaves no comment row to find it by. */
async function bumpPage(tx: Tx, page: string): Promise<void> {
  await tx`
    INSERT INTO page_versions (page, version) VALUES (${page}, 1)
    ON CONFLICT (page) DO UPDATE SET version = page_versions.version + 1`;
}

/** Puts an owner event in the notification outbox, for every channel set up. */
async function queueOwnerEvent(tx: Tx, kind: OwnerEventKind | null, comment: CommentRecord, at: number): Promise<void> {
  if (kind === null) return;
  await tx`
    INSERT INTO notify_outbox (channel, kind, page, comment_id, created_at)
    SELECT channel, ${kind}, ${comment.page}, ${comment.id}, ${at} FROM notify_channels`;
}

/** The client's writes of one kind after `since`, oldest first; `lock` queues one client's writes behind each other. */
async function recentTimes(tx: Tx, table: 'comments' | 'reports', lock: string, client: string, since: number): Promise<number[]> {
  // Two at once cannot both slip under the limit.
  await tx`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))`;
  const rows = await tx`SELECT created_at FROM ${tx(table)} WHERE client_hash = ${client} AND created_at > ${new Date(since)} ORDER BY created_at`;
  return rows.map((row) => millis(row['created_at']));
}

/** `hiddenAt`: when a hidden comment counts as hidden since (for retention); ignored for visible or erased ones. */
export async function insertComment(tx: Tx, record: CommentRecord, hiddenAt: number | null): Promise<boolean> {
  const hidden = (record.status === 'rejected' || record.status === 'deleted') && record.text !== '';
  const result = await tx`
    INSERT INTO comments (id, page, parent_id, name, text, status, created_at, edited_at, secret_hash, client_hash, open_reports, hidden_at)
    VALUES (${record.id}, ${record.page}, ${record.parentId}, ${record.name}, ${record.text}, ${record.status},
            ${new Date(record.createdAt)}, ${timeOrNull(record.editedAt)}, ${record.secretHash}, ${record.clientHash},
            ${record.openReports}, ${hidden ? timeOrNull(hiddenAt) : null})
    ON CONFLICT (id) DO NOTHING`;
  if (result.count === 1) await bumpPageOf(tx, record.id);
  return result.count === 1;
}

export async function insertReport(tx: Tx, report: ReportRecord): Promise<boolean> {
  const result = await tx`
    INSERT INTO reports (comment_id, client_hash, reason, created_at, open)
    VALUES (${report.commentId}, ${report.clientHash}, ${report.reason}, ${new Date(report.createdAt)}, ${report.open})
    ON CONFLICT (comment_id, client_hash) DO NOTHING`;
  return result.count === 1;
}

export async function insert(tx: Tx, record: CommentRecord, guard: InsertGuard): Promise<Admission> {
  const recent = await recentTimes(tx, 'comments', record.clientHash, record.clientHash, guard.since);
  let threadReplies = 0;
  if (record.parentId !== null) {
    // Replies to one comment queue behind each other, so two at once cannot both take the last place.
    await tx`SELECT id FROM comments WHERE id = ${record.parentId} FOR UPDATE`;
    const [row] = await tx`SELECT count(*)::int AS replies FROM comments WHERE parent_id = ${record.parentId} AND status IN ${tx.unsafe(LIVE_STATUSES)}`;
    threadReplies = Number(row?.['replies'] ?? 0);
  }
  const admission = guard.admit(recent, threadReplies);
  if (admission.admitted) {
    await insertComment(tx, record, null);
    await queueOwnerEvent(tx, ownerEventForNewComment(record.status), record, record.createdAt);
  }
  return admission;
}

export async function edit(tx: Tx, id: string, change: { text: string; editedAt: number; status: CommentStatus }): Promise<CommentRecord | null> {
  const [before] = await tx`SELECT status FROM comments WHERE id = ${id} FOR UPDATE`;
  const [row] = await tx`
    UPDATE comments SET text = ${change.text}, edited_at = ${new Date(change.editedAt)}, status = ${change.status}
    WHERE id = ${id} AND status IN ${tx.unsafe(LIVE_STATUSES)}
    RETURNING *`;
  if (!row) return null;
  await bumpPageOf(tx, id);
  const edited = toRecord(row);
  await queueOwnerEvent(tx, ownerEventForEdit(before?.['status'] as CommentStatus, edited.status), edited, change.editedAt);
  return edited;
}

export async function setStatus(tx: Tx, id: string, change: StatusChange): Promise<CommentRecord | null> {
  const hidden = change.status === 'rejected' || change.status === 'deleted';
  const [row] = await tx`
    UPDATE comments SET status = ${change.status},
      open_reports = CASE WHEN ${change.reviewed} THEN 0 ELSE open_reports END,
      hidden_at = CASE WHEN ${hidden} THEN coalesce(hidden_at, ${new Date(change.at)}) END
    WHERE id = ${id} AND NOT ${tx.unsafe(ERASED)}
    RETURNING *`;
  if (!row) return null;
  await bumpPageOf(tx, id);
  if (change.reviewed) await tx`UPDATE reports SET open = false WHERE comment_id = ${id} AND open`;
  return toRecord(row);
}

export async function report(
  tx: Tx,
  report: Omit<ReportRecord, 'open'>,
  guard: RateGuard,
): Promise<{ admission: Admission; added: boolean; openReports: number } | null> {
  const [comment] = await tx`SELECT open_reports FROM comments WHERE id = ${report.commentId} FOR UPDATE`;
  if (!comment) return null;
  const admission = guard.admit(await recentTimes(tx, 'reports', `report ${report.clientHash}`, report.clientHash, guard.since));
  if (!admission.admitted) return { admission, added: false, openReports: Number(comment['open_reports']) };
  const added = await insertReport(tx, { ...report, open: true });
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
    await queueOwnerEvent(tx, ownerEventForReport(reported.status, reported.openReports - 1, reported.openReports), reported, report.createdAt);
  }
  return { admission, added, openReports: Number(row?.['open_reports'] ?? 0) };
}

/** See CommentStore.erase. */
export async function eraseOne(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx`SELECT page, parent_id FROM comments WHERE id = ${id} AND NOT ${tx.unsafe(ERASED)} FOR UPDATE`;
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
        DELETE FROM comments WHERE id = ${parentId} AND ${tx.unsafe(ERASED)}
          AND NOT EXISTS (SELECT 1 FROM comments WHERE parent_id = ${parentId})`;
    }
  }
  await bumpPage(tx, row['page'] as string);
  return true;
}
