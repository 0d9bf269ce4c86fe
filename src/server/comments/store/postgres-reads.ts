/** What the PostgreSQL comment store reads: threads, replies, counts, moderation queues and the newest comments. */
import type postgres from 'postgres';
import type { AdminQueue } from '../../../lib/comments/api-types.ts';
import { REPORT_REASONS_KEPT } from '../../../lib/comments/limits.ts';
import { visibleSql } from '../../../lib/comments/moderation.ts';
import type { ListPosition } from '../../db/guards.ts';
import { LIVE_STATUSES, QUEUE_FILTERS, toRecord } from './sql.ts';
import type { CommentRecord, QueuedComment, RepliesQuery, ThreadQuery, ThreadRows } from './store.ts';

type Sql = postgres.Sql;

/** The visibility rule (lib/comments/moderation.ts) as a fragment of a query. */
const visible = (sql: Sql, alias: string, reportsToHide: number) => sql.unsafe(visibleSql(alias, reportsToHide));

/** The reader's own comments stay in view while they wait for approval or review. */
const ownFragment = (sql: Sql, alias: string, own: string[]) =>
  sql`(${sql.unsafe(`${alias}.status IN ${LIVE_STATUSES}`)} AND ${sql(alias)}.id = ANY(${own}::text[]))`;

/** `AND (created_at, id)` after or before `after` in the order asked for; nothing for the start. */
function positionAfter(sql: Sql, after: ListPosition | null, newest: boolean) {
  if (!after) return sql``;
  return newest
    ? sql`AND (c.created_at, c.id) < (${new Date(after.createdAt)}, ${after.id})`
    : sql`AND (c.created_at, c.id) > (${new Date(after.createdAt)}, ${after.id})`;
}

export async function thread(sql: Sql, query: ThreadQuery): Promise<ThreadRows> {
  const newest = query.sort === 'newest';
  const hide = query.reportsToHide;
  const own = [...query.ownIds];
  const order = newest ? sql`DESC` : sql`ASC`;
  const topLevel = (
    await sql`
      SELECT c.* FROM comments c
      WHERE c.page = ${query.page} AND c.parent_id IS NULL ${positionAfter(sql, query.after, newest)}
        AND (${visible(sql, 'c', hide)} OR ${ownFragment(sql, 'c', own)}
             OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id AND (${visible(sql, 'r', hide)} OR ${ownFragment(sql, 'r', own)})))
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
            WHERE r.parent_id = ANY(${parentIds}::text[]) AND (${visible(sql, 'r', hide)} OR ${ownFragment(sql, 'r', own)})) counted
          WHERE position <= ${query.repliesLimit}
          ORDER BY created_at, id`,
    sql`SELECT count(*)::int AS total FROM comments c WHERE c.page = ${query.page} AND ${visible(sql, 'c', hide)}`,
  ]);
  return {
    topLevel,
    replies: replies.map(toRecord),
    replyCounts: new Map(replies.map((row) => [row['parent_id'] as string, row['in_all'] as number])),
    total: Number(totals[0]?.['total'] ?? 0),
  };
}

export async function replies(sql: Sql, query: RepliesQuery): Promise<CommentRecord[]> {
  const after = query.after ? sql`AND (r.created_at, r.id) > (${new Date(query.after.createdAt)}, ${query.after.id})` : sql``;
  const rows = await sql`
    SELECT r.* FROM comments r
    WHERE r.parent_id = ${query.parentId} ${after}
      AND (${visible(sql, 'r', query.reportsToHide)} OR ${ownFragment(sql, 'r', [...query.ownIds])})
    ORDER BY r.created_at, r.id
    LIMIT ${query.limit + 1}`;
  return rows.map(toRecord);
}

export async function counts(sql: Sql, pages: readonly string[], reportsToHide: number): Promise<Map<string, number>> {
  const rows = await sql`
    SELECT c.page, count(*)::int AS total FROM comments c
    WHERE c.page = ANY(${[...pages]}::text[]) AND ${visible(sql, 'c', reportsToHide)}
    GROUP BY c.page`;
  return new Map(rows.map((row) => [row['page'] as string, row['total'] as number]));
}

export async function queue(sql: Sql, which: AdminQueue, after: ListPosition | null, limit: number): Promise<QueuedComment[]> {
  // The pending and reported queues are worked oldest first; removed comments are looked up newest first.
  const newest = which === 'removed';
  const filter = QUEUE_FILTERS[which];
  const order = newest ? sql`DESC` : sql`ASC`;
  const rows = await sql`
    SELECT c.*, coalesce(
      (SELECT array_agg(reason ORDER BY created_at DESC, client_hash DESC) FROM (
         SELECT r.reason, r.created_at, r.client_hash FROM reports r WHERE r.comment_id = c.id AND r.open AND r.reason <> ''
         ORDER BY r.created_at DESC, r.client_hash DESC LIMIT ${REPORT_REASONS_KEPT}) newest),
      '{}') AS report_reasons
    FROM comments c WHERE ${sql.unsafe(filter)} ${positionAfter(sql, after, newest)}
    ORDER BY c.created_at ${order}, c.id ${order}
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...toRecord(row), reportReasons: row['report_reasons'] as string[] }));
}

export async function latestVisible(sql: Sql, page: string | null, limit: number, reportsToHide: number): Promise<CommentRecord[]> {
  const onPage = page === null ? sql`` : sql`c.page = ${page} AND`;
  const rows = await sql`
    SELECT * FROM comments c WHERE ${onPage} ${visible(sql, 'c', reportsToHide)}
    ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`;
  return rows.map(toRecord);
}
