/** Reading threads: `GET /api/comments` (a page's comments with their first replies) and `GET /api/comments/<id>/replies`. */
import type { PublicComment, RepliesResponse, ThreadResponse } from '../../lib/comments/api-types.ts';
import { THREAD_SORTS, type ThreadSort } from '../../lib/comments/cursor.ts';
import { REPLIES_PAGE_SIZE, REPLIES_SHOWN, REPORTS_TO_HIDE, THREAD_PAGE_SIZE } from '../../lib/comments/limits.ts';
import { badField, json, jsonText } from '../respond.ts';
import type { Handler } from '../router.ts';
import { commentById, notFound, positionOf, type CommentsContext } from './context.ts';
import { nextCursor, publicComment, repliesCursor } from './presenter.ts';
import type { CommentRecord, ThreadRows } from './store/store.ts';

/** Each listed top-level comment as a reader sees it, with its first replies and where the rest are. */
function threadComments(rows: ThreadRows, topLevel: readonly CommentRecord[], own: ReadonlySet<string>): PublicComment[] {
  const repliesByParent = new Map<string, CommentRecord[]>();
  for (const reply of rows.replies) {
    const siblings = repliesByParent.get(reply.parentId ?? '') ?? [];
    siblings.push(reply);
    repliesByParent.set(reply.parentId ?? '', siblings);
  }
  return topLevel.map((record) => {
    const replies = repliesByParent.get(record.id) ?? [];
    const inAll = rows.replyCounts.get(record.id) ?? 0;
    return publicComment(
      record,
      own,
      replies.map((reply) => publicComment(reply, own)),
      { moreReplies: inAll - replies.length, repliesCursor: repliesCursor(replies.at(-1), replies.length, inAll) },
    );
  });
}

export function threadHandlers(context: CommentsContext): { listComments: Handler; listReplies: Handler } {
  const { store } = context;
  /**
   * The first page of each thread in each order, serialised, with the page version it was built at: reused
   * until any process writes to the page. Only first pages of known pages, so it is bounded by the site's size.
   */
  const firstPages = new Map<string, { version: number; body: string }>();

  const listComments: Handler = async (request) => {
    const url = new URL(request.url);
    const page = await context.knownPage(url.searchParams.get('page'), 'page');
    const sortParam = url.searchParams.get('sort') ?? 'oldest';
    if (!(THREAD_SORTS as readonly string[]).includes(sortParam)) throw badField('sort', 'sort must be oldest or newest.');
    const sort = sortParam as ThreadSort;
    const after = positionOf(url.searchParams.get('cursor'), sort, 'listing');
    // Anonymous first pages are the same for everyone: build them once per change, not once per reader.
    const shared = after === null && !request.headers.has('x-comment-keys');
    const cacheKey = `${page} ${sort}`;
    const version = shared ? await store.pageVersion(page) : 0;
    const cached = shared ? firstPages.get(cacheKey) : undefined;
    if (cached && cached.version === version) return jsonText(cached.body, 200, 'public');
    const own = await context.provenOwnIds(request, page);
    const rows = await store.thread({
      page,
      sort,
      after,
      limit: THREAD_PAGE_SIZE,
      ownIds: [...own],
      reportsToHide: REPORTS_TO_HIDE,
      repliesLimit: REPLIES_SHOWN,
    });
    const topLevel = rows.topLevel.slice(0, THREAD_PAGE_SIZE);
    const body: ThreadResponse = {
      page,
      sort,
      total: rows.total,
      comments: threadComments(rows, topLevel, own),
      nextCursor: nextCursor(topLevel.at(-1), sort, topLevel.length, rows.topLevel.length),
    };
    if (shared) {
      // Tagged with the version read before the query: if a write slipped in between, the next reader rebuilds.
      const text = JSON.stringify(body);
      firstPages.set(cacheKey, { version, body: text });
      return jsonText(text, 200, 'public');
    }
    // A listing that shows someone their own waiting comments is theirs alone.
    return json(body, 200, own.size > 0 || request.headers.has('x-comment-keys') ? 'private' : 'public');
  };

  const listReplies: Handler = async (request, _meta, [id = '']) => {
    const parent = await commentById(store, id);
    if (!parent || parent.parentId !== null) throw notFound();
    const after = positionOf(new URL(request.url).searchParams.get('cursor'), 'oldest', 'listing');
    const own = await context.provenOwnIds(request, parent.page);
    const rows = await store.replies({ parentId: parent.id, after, limit: REPLIES_PAGE_SIZE, ownIds: [...own], reportsToHide: REPORTS_TO_HIDE });
    const replies = rows.slice(0, REPLIES_PAGE_SIZE);
    const body: RepliesResponse = {
      parentId: parent.id,
      replies: replies.map((reply) => publicComment(reply, own)),
      nextCursor: repliesCursor(replies.at(-1), replies.length, rows.length),
    };
    return json(body, 200, request.headers.has('x-comment-keys') ? 'private' : 'public');
  };

  return { listComments, listReplies };
}
