/** What the SQLite comment store reads: threads, replies, counts, moderation queues and the newest comments. */
import type { AdminQueue } from '../../../lib/comments/api-types.ts';
import { REPORT_REASONS_KEPT } from '../../../lib/comments/limits.ts';
import { visibleSql } from '../../../lib/comments/moderation.ts';
import type { ListPosition } from '../../db/guards.ts';
import type { Params, SqliteConnection } from '../../db/sqlite.ts';
import { COLUMNS, LIVE_STATUSES, QUEUE_FILTERS, toRecord } from './sql.ts';
import type { CommentRecord, QueuedComment, RepliesQuery, ThreadQuery, ThreadRows } from './store.ts';

/** The reader's own comments stay in view while they wait for approval or review. */
const OWN = (alias: string) => `(${alias}.status IN ${LIVE_STATUSES} AND ${alias}.id IN (SELECT value FROM json_each(:own)))`;

/** `AND (created_at, id)` after or before `after` in the order asked for, with its parameters; nothing for the start. */
function positionAfter(after: ListPosition | null, newest: boolean, alias: string): { sql: string; params: Params } {
  if (!after) return { sql: '', params: {} };
  const column = alias === '' ? '' : `${alias}.`;
  return {
    sql: `AND (${column}created_at, ${column}id) ${newest ? '<' : '>'} (:afterAt, :afterId)`,
    params: { afterAt: after.createdAt, afterId: after.id },
  };
}

export function thread(db: SqliteConnection, query: ThreadQuery): ThreadRows {
  const newest = query.sort === 'newest';
  const own = JSON.stringify(query.ownIds);
  const visible = (alias: string) => visibleSql(alias, query.reportsToHide);
  const after = positionAfter(query.after, newest, 'c');
  const order = newest ? 'DESC' : 'ASC';
  const topLevel = db
    .all(
      `SELECT ${COLUMNS} FROM comments c
       WHERE c.page = :page AND c.parent_id IS NULL ${after.sql}
         AND (${visible('c')} OR ${OWN('c')}
              OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id AND (${visible('r')} OR ${OWN('r')})))
       ORDER BY c.created_at ${order}, c.id ${order}
       LIMIT :limit`,
      { page: query.page, own, limit: query.limit + 1, ...after.params },
    )
    .map(toRecord);
  const parentIds = JSON.stringify(topLevel.slice(0, query.limit).map((comment) => comment.id));
  const replyRows = db.all(
    `SELECT * FROM (
       SELECT ${COLUMNS},
              row_number() OVER (PARTITION BY r.parent_id ORDER BY r.created_at, r.id) AS position,
              count(*) OVER (PARTITION BY r.parent_id) AS in_all
       FROM comments r
       WHERE r.parent_id IN (SELECT value FROM json_each(:parents)) AND (${visible('r')} OR ${OWN('r')}))
     WHERE position <= :repliesLimit
     ORDER BY created_at, id`,
    { parents: parentIds, own, repliesLimit: query.repliesLimit },
  );
  const replyCounts = new Map(replyRows.map((row) => [String(row['parent_id']), Number(row['in_all'])]));
  const total = Number(db.get(`SELECT count(*) AS total FROM comments c WHERE c.page = :page AND ${visible('c')}`, { page: query.page })?.['total']);
  return { topLevel, replies: replyRows.map(toRecord), replyCounts, total };
}

export function replies(db: SqliteConnection, query: RepliesQuery): CommentRecord[] {
  return db
    .all(
      `SELECT ${COLUMNS} FROM comments r
       WHERE r.parent_id = :parent AND (${visibleSql('r', query.reportsToHide)} OR ${OWN('r')}) AND (r.created_at, r.id) > (:afterAt, :afterId)
       ORDER BY r.created_at, r.id
       LIMIT :limit`,
      {
        parent: query.parentId,
        own: JSON.stringify(query.ownIds),
        limit: query.limit + 1,
        afterAt: query.after?.createdAt ?? -1,
        afterId: query.after?.id ?? '',
      },
    )
    .map(toRecord);
}

export function counts(db: SqliteConnection, pages: readonly string[], reportsToHide: number): Map<string, number> {
  const rows = db.all(
    `SELECT c.page, count(*) AS total FROM comments c
     WHERE c.page IN (SELECT value FROM json_each(:pages)) AND ${visibleSql('c', reportsToHide)}
     GROUP BY c.page`,
    { pages: JSON.stringify(pages) },
  );
  return new Map(rows.map((row) => [String(row['page']), Number(row['total'])]));
}

export function queue(db: SqliteConnection, which: AdminQueue, after: ListPosition | null, limit: number): QueuedComment[] {
  // The pending and reported queues are worked oldest first; removed comments are looked up newest first.
  const newest = which === 'removed';
  const filter = QUEUE_FILTERS[which];
  const position = positionAfter(after, newest, '');
  const order = newest ? 'DESC' : 'ASC';
  const rows = db
    .all(`SELECT ${COLUMNS} FROM comments WHERE ${filter} ${position.sql} ORDER BY created_at ${order}, id ${order} LIMIT :limit`, {
      limit,
      ...position.params,
    })
    .map(toRecord);
  return rows.map((record) => ({
    ...record,
    reportReasons: db
      .all(
        `SELECT reason FROM reports WHERE comment_id = :id AND open = 1 AND reason <> ''
         ORDER BY created_at DESC, client_hash DESC LIMIT :kept`,
        { id: record.id, kept: REPORT_REASONS_KEPT },
      )
      .map((row) => String(row['reason'])),
  }));
}

export function latestVisible(db: SqliteConnection, page: string | null, limit: number, reportsToHide: number): CommentRecord[] {
  // Two statements rather than `:page IS NULL OR …`, so the one for a page can use the thread index.
  const onPage = page === null ? '' : 'c.page = :page AND';
  return db
    .all(
      `SELECT ${COLUMNS} FROM comments c WHERE ${onPage} ${visibleSql('c', reportsToHide)}
       ORDER BY c.created_at DESC, c.id DESC LIMIT :limit`,
      { ...(page !== null && { page }), limit },
    )
    .map(toRecord);
}
