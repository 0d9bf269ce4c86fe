/**
 * The comments API as small functions over web-standard Request and Response. Everything it depends on (store,
 * known pages, clock, settings, hashing) is handed in, so it runs the same under Astro, in tests and in benches.
 * This file is its route table; each resource answers in a module of its own, and presenter.ts shapes what it sends.
 */
import { serveRoutes, type RequestMeta, type Route } from '../router.ts';
import { adminHandlers } from './admin.ts';
import { commentHandlers } from './comments.ts';
import { commentsContext, type CommentsDeps } from './context.ts';
import { countHandlers } from './counts.ts';
import { reportHandlers } from './reports.ts';
import { threadHandlers } from './threads.ts';

export type { CommentsDeps } from './context.ts';
export type { RequestMeta } from '../router.ts';

export interface CommentsApi {
  /** Answers any request under /api/comments and /api/admin. */
  fetch(request: Request, meta: RequestMeta): Promise<Response>;
}

export function createCommentsApi(deps: CommentsDeps): CommentsApi {
  const context = commentsContext(deps);
  const { listComments, listReplies } = threadHandlers(context);
  const { createComment, editComment, deleteComment } = commentHandlers(context);
  const { reportComment } = reportHandlers(context);
  const { countComments } = countHandlers(context);
  const { adminQueue, adminAction } = adminHandlers(context);

  /** Path patterns and the handler for each method. */
  const routes: readonly Route[] = [
    { pattern: /^\/api\/comments$/, methods: { GET: listComments, POST: createComment } },
    { pattern: /^\/api\/comments\/counts$/, methods: { GET: countComments } },
    { pattern: /^\/api\/comments\/([^/]+)$/, methods: { PATCH: editComment, DELETE: deleteComment } },
    { pattern: /^\/api\/comments\/([^/]+)\/report$/, methods: { POST: reportComment } },
    { pattern: /^\/api\/comments\/([^/]+)\/replies$/, methods: { GET: listReplies } },
    { pattern: /^\/api\/admin\/comments$/, methods: { GET: adminQueue } },
    { pattern: /^\/api\/admin\/comments\/([^/]+)\/([^/]+)$/, methods: { POST: adminAction } },
  ];

  const logError = deps.logError ?? ((error: unknown) => console.error('[comments]', error));
  return { fetch: serveRoutes(routes, { logError, busy: 'Comments are busy right now; try again in a moment.' }) };
}
