/** The owner's moderation: `GET /api/admin/comments?queue=…` and `POST /api/admin/comments/<id>/<action>`, token required. */
import { ADMIN_ACTIONS, ADMIN_QUEUES, type AdminAction, type AdminActionResponse, type AdminQueue, type AdminQueueResponse } from '../../lib/comments/api-types.ts';
import type { ThreadSort } from '../../lib/comments/cursor.ts';
import { COMMENT_ID_PATTERN, THREAD_PAGE_SIZE } from '../../lib/comments/limits.ts';
import type { CommentStatus } from '../../lib/comments/moderation.ts';
import { expectValid, parseEmpty } from '../request-body.ts';
import { badField, checkOrigin, json, readJsonBody } from '../respond.ts';
import type { Handler } from '../router.ts';
import { eraseComment } from './comments.ts';
import { notFound, positionOf, type CommentsContext } from './context.ts';
import { adminComment, nextCursor } from './presenter.ts';

const ACTION_STATUS: Record<AdminAction, CommentStatus> = {
  approve: 'published',
  reject: 'rejected',
  delete: 'deleted',
  restore: 'published',
};

export function adminHandlers(context: CommentsContext): { adminQueue: Handler; adminAction: Handler } {
  const { store } = context;

  const adminQueue: Handler = async (request, meta) => {
    context.adminAuthorised(request, meta, true);
    const url = new URL(request.url);
    const queueParam = url.searchParams.get('queue') ?? 'pending';
    if (!(ADMIN_QUEUES as readonly string[]).includes(queueParam)) {
      throw badField('queue', `queue must be one of ${ADMIN_QUEUES.join(', ')}.`);
    }
    const queue = queueParam as AdminQueue;
    // The waiting queues are worked oldest first; removed comments are looked up newest first.
    const sort: ThreadSort = queue === 'removed' ? 'newest' : 'oldest';
    const after = positionOf(url.searchParams.get('cursor'), sort, 'queue');
    const rows = await store.queue(queue, after, THREAD_PAGE_SIZE + 1);
    const shown = rows.slice(0, THREAD_PAGE_SIZE);
    const body: AdminQueueResponse = {
      queue,
      comments: shown.map((row) => adminComment(row, row.reportReasons)),
      nextCursor: nextCursor(shown.at(-1), sort, shown.length, rows.length),
    };
    return json(body);
  };

  const adminAction: Handler = async (request, meta, [id = '', action = '']) => {
    checkOrigin(request, context.config.siteOrigin);
    context.adminAuthorised(request, meta, true);
    expectValid(parseEmpty(await readJsonBody(request)));
    if (action === 'erase') return eraseComment(context, COMMENT_ID_PATTERN.test(id) ? id : '');
    if (!(ADMIN_ACTIONS as readonly string[]).includes(action)) throw notFound('action');
    const record = COMMENT_ID_PATTERN.test(id)
      ? await store.setStatus(id, { status: ACTION_STATUS[action as AdminAction], reviewed: true, at: context.now() })
      : null;
    if (!record) throw notFound();
    const body: AdminActionResponse = { comment: adminComment(record) };
    return json(body);
  };

  return { adminQueue, adminAction };
}
