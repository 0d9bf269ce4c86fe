/**
 * The comments API as small functions over web-standard Request and Response. Everything it depends on (store,
 * known pages, clock, settings, hashing) is handed in, so it runs the same under Astro, in tests and in benches.
 */
import type {
  AdminActionResponse,
  AdminComment,
  AdminQueue,
  AdminQueueResponse,
  CountsResponse,
  CreatedResponse,
  EditedResponse,
  ErasedResponse,
  PublicComment,
  RepliesResponse,
  ThreadResponse,
} from '../lib/comments/api-types.ts';
import { ADMIN_ACTIONS, ADMIN_QUEUES, type AdminAction } from '../lib/comments/api-types.ts';
import { decodeCursor, encodeCursor, THREAD_SORTS, type ThreadSort } from '../lib/comments/cursor.ts';
import {
  COMMENT_ID_PATTERN,
  COUNTS_PAGES_MAX,
  EDIT_SECRET_PATTERN,
  EDIT_WINDOW_MS,
  OWN_KEYS_MAX,
  REPLIES_PAGE_SIZE,
  REPLIES_SHOWN,
  REPORTS_TO_HIDE,
  THREAD_PAGE_SIZE,
  THREAD_REPLIES_MAX,
} from '../lib/comments/limits.ts';
import { isVisible, statusAfterEdit, statusForNewComment, type CommentStatus } from '../lib/comments/moderation.ts';
import { normalisePagePath } from '../lib/comments/page-path.ts';
import { displayName } from '../lib/comments/validation.ts';
import { clientAddress, hashSecret, newCommentId, newEditSecret, sameSecret } from './client-id.ts';
import type { CommentsConfig } from './config.ts';
import { checkAdminToken } from './admin-auth.ts';
import { routeFor, type Route } from './router.ts';
import { admitByRate, CHANGE_RATE_RULES, COMMENT_RATE_RULES, rateLookback, REPORT_RATE_RULES, type RateRule } from './rate-limit.ts';
import { parseDelete, parseEdit, parseEmpty, parseNewComment, parseReport, type Checked } from './requests.ts';
import { badField, checkOrigin, HttpError, json, jsonText, rateLimited, readJsonBody, responseForError } from './respond.ts';
import { isErased, type Admission, type CommentRecord, type CommentStore, type ListPosition } from './store.ts';
import { ADMIN_LOGIN_BACKOFF, FailureBackoff, Throttle, type BackoffRules } from './throttle.ts';

export interface CommentsDeps {
  store: CommentStore;
  /** Pages the site built that take comments, as canonical paths (`/steps/x/`). */
  knownPages: () => ReadonlySet<string> | Promise<ReadonlySet<string>>;
  /** Milliseconds since the epoch; tests pass a clock they move by hand. */
  now: () => number;
  config: Pick<CommentsConfig, 'siteOrigin' | 'adminToken' | 'moderation' | 'trustProxy'>;
  /** Keyed hash of a client address (see client-id.ts). */
  hashClient: (address: string) => string;
  newId?: () => string;
  newSecret?: () => string;
  rateRules?: readonly RateRule[];
  /** Reports per client (REPORT_RATE_RULES). */
  reportRateRules?: readonly RateRule[];
  /** Edits and deletes per client (CHANGE_RATE_RULES). */
  changeRateRules?: readonly RateRule[];
  /** Waits after failed admin logins per client (ADMIN_LOGIN_BACKOFF). */
  adminBackoff?: BackoffRules;
  /** Failed admin logins counted together with the process's other admin endpoints (admin-auth.ts); a count of its own when absent. */
  adminFailures?: FailureBackoff;
  /** Where unexpected errors are reported; they reach the client only as a 500 without details. */
  logError?: (error: unknown) => void;
}

/** What the server knows about a request beyond the Request itself. */
export interface RequestMeta {
  /** The socket's remote address. */
  clientAddress: string | undefined;
}

export interface CommentsApi {
  /** Answers any request under /api/comments and /api/admin. */
  fetch(request: Request, meta: RequestMeta): Promise<Response>;
}

type Handler = (request: Request, meta: RequestMeta, params: readonly string[]) => Promise<Response>;

const iso = (time: number) => new Date(time).toISOString();
const isoOrNull = (time: number | null) => (time === null ? null : iso(time));

function expectValid<T>(checked: Checked<T>): T {
  if (!checked.ok) throw badField(checked.field, checked.message);
  return checked.value;
}

const notFound = (what = 'comment') => new HttpError(404, 'not_found', `There is no such ${what}.`);

/** Also said by the server entry (src/integrations/security-headers.ts) for paths Astro cannot decode. */

/** 429 for a refused rate limit, saying when to try again. */
/** Throws the refusal of an admission that was not granted. */
function expectAdmitted(admission: Admission, what: string): void {
  if (admission.admitted) return;
  if ('threadFull' in admission) {
    throw new HttpError(409, 'thread_full', `This conversation has reached ${THREAD_REPLIES_MAX} replies. Start a new comment instead.`, {
      field: 'parentId',
    });
  }
  throw rateLimited(admission.retryAfterMs, what);
}

/** The position a cursor from a client stands for, in the order `sort`; 400 for one this service did not hand out. */
function positionOf(cursorParam: string | null, sort: ThreadSort, what: string): ListPosition | null {
  if (cursorParam === null || cursorParam === '') return null;
  const cursor = decodeCursor(cursorParam);
  if (cursor === null || cursor.sort !== sort) throw badField('cursor', `cursor is not one this ${what} handed out.`);
  return { createdAt: cursor.createdAt, id: cursor.id };
}

export function createCommentsApi(deps: CommentsDeps): CommentsApi {
  const { store, config } = deps;
  const newId = deps.newId ?? newCommentId;
  const newSecret = deps.newSecret ?? newEditSecret;
  const rateRules = deps.rateRules ?? COMMENT_RATE_RULES;
  const logError = deps.logError ?? ((error: unknown) => console.error('[comments]', error));
  const reportRules = deps.reportRateRules ?? REPORT_RATE_RULES;
  const changes = new Throttle(deps.changeRateRules ?? CHANGE_RATE_RULES);
  const adminFailures = deps.adminFailures ?? new FailureBackoff(deps.adminBackoff ?? ADMIN_LOGIN_BACKOFF);

  /** The canonical path of a page that takes comments; 400 for a malformed one, 404 for one the site lacks. */
  async function knownPage(path: string | null, field: string): Promise<string> {
    if (path === null || path === '') throw badField(field, `${field} is required: the path of a step or article.`);
    const page = normalisePagePath(path);
    if (page === null) throw badField(field, `${field} must be a site path such as /steps/take-time/.`);
    if (!(await deps.knownPages()).has(page)) {
      throw new HttpError(404, 'unknown_page', `${page} has no comments: it is not a step or article of this site.`, { field });
    }
    return page;
  }

  function hashedClient(request: Request, meta: RequestMeta): string {
    return deps.hashClient(clientAddress(request, meta.clientAddress, config.trustProxy));
  }

  /**
   * True for a request carrying the right admin token; 401 for a wrong one, 404 when moderation is off. After
   * repeated wrong tokens a client waits, longer each time (429), before its next try is even looked at.
   */
  function adminAuthorised(request: Request, meta: RequestMeta, required: boolean): boolean {
    return checkAdminToken(request, config.adminToken, required, { client: hashedClient(request, meta), now: deps.now(), failures: adminFailures });
  }

  /** Own-comment claims from the X-Comment-Keys header (`id:secret, …`), kept only where the secret matches. */
  async function provenOwnIds(request: Request, page: string): Promise<Set<string>> {
    const header = request.headers.get('x-comment-keys');
    if (!header) return new Set();
    const claims = new Map<string, string>();
    for (const entry of header.split(',').slice(0, OWN_KEYS_MAX)) {
      const [id = '', secret = ''] = entry.trim().split(':');
      if (COMMENT_ID_PATTERN.test(id) && EDIT_SECRET_PATTERN.test(secret)) claims.set(id, secret);
    }
    if (claims.size === 0) return new Set();
    const records = await store.getMany([...claims.keys()]);
    return new Set(
      records
        .filter((record) => record.page === page && sameSecret(hashSecret(claims.get(record.id) ?? ''), record.secretHash))
        .map((record) => record.id),
    );
  }

  /** Replies a listing leaves out, and where to fetch them from. */
  interface MoreReplies {
    moreReplies: number;
    repliesCursor: string | null;
  }
  const NO_MORE_REPLIES: MoreReplies = { moreReplies: 0, repliesCursor: null };

  function publicComment(
    record: CommentRecord,
    own: ReadonlySet<string>,
    replies: PublicComment[] = [],
    more: MoreReplies = NO_MORE_REPLIES,
  ): PublicComment {
    const mine = own.has(record.id);
    const shown = isVisible(record.status, record.openReports);
    const ownWaiting = mine && (record.status === 'published' || record.status === 'pending');
    if (!shown && !ownWaiting) {
      // A removed top-level comment kept only so that the replies under it keep their place.
      return { id: record.id, parentId: null, name: '', text: '', createdAt: iso(record.createdAt), editedAt: null, status: 'removed', mine: false, replies, ...more };
    }
    return {
      id: record.id,
      parentId: record.parentId,
      name: record.name,
      text: record.text,
      createdAt: iso(record.createdAt),
      editedAt: isoOrNull(record.editedAt),
      status: shown ? 'published' : 'pending',
      mine,
      replies,
      ...more,
    };
  }

  /** The cursor for the replies after `last`, when `inAll` replies leave some after the `shown` ones. */
  function repliesCursor(last: CommentRecord | undefined, shown: number, inAll: number): string | null {
    return last && inAll > shown ? encodeCursor({ sort: 'oldest', createdAt: last.createdAt, id: last.id }) : null;
  }

  function adminComment(record: CommentRecord, reportReasons: string[] = []): AdminComment {
    return {
      id: record.id,
      page: record.page,
      parentId: record.parentId,
      name: record.name,
      text: record.text,
      status: record.status,
      createdAt: iso(record.createdAt),
      editedAt: isoOrNull(record.editedAt),
      openReports: record.openReports,
      reportReasons,
    };
  }

  /**
   * The first page of each thread in each order, serialised, with the page version it was built at: reused
   * until any process writes to the page. Only first pages of known pages, so it is bounded by the site's size.
   */
  const firstPages = new Map<string, { version: number; body: string }>();

  const listComments: Handler = async (request) => {
    const url = new URL(request.url);
    const page = await knownPage(url.searchParams.get('page'), 'page');
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
    const own = await provenOwnIds(request, page);
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
    const repliesByParent = new Map<string, CommentRecord[]>();
    for (const reply of rows.replies) {
      const siblings = repliesByParent.get(reply.parentId ?? '') ?? [];
      siblings.push(reply);
      repliesByParent.set(reply.parentId ?? '', siblings);
    }
    const withReplies = (record: CommentRecord): PublicComment => {
      const replies = repliesByParent.get(record.id) ?? [];
      const inAll = rows.replyCounts.get(record.id) ?? 0;
      return publicComment(
        record,
        own,
        replies.map((reply) => publicComment(reply, own)),
        { moreReplies: inAll - replies.length, repliesCursor: repliesCursor(replies.at(-1), replies.length, inAll) },
      );
    };
    const last = topLevel.at(-1);
    const body: ThreadResponse = {
      page,
      sort,
      total: rows.total,
      comments: topLevel.map(withReplies),
      nextCursor:
        rows.topLevel.length > THREAD_PAGE_SIZE && last ? encodeCursor({ sort, createdAt: last.createdAt, id: last.id }) : null,
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
    const parent = COMMENT_ID_PATTERN.test(id) ? await store.get(id) : null;
    if (!parent || parent.parentId !== null) throw notFound();
    const after = positionOf(new URL(request.url).searchParams.get('cursor'), 'oldest', 'listing');
    const own = await provenOwnIds(request, parent.page);
    const rows = await store.replies({ parentId: parent.id, after, limit: REPLIES_PAGE_SIZE, ownIds: [...own], reportsToHide: REPORTS_TO_HIDE });
    const replies = rows.slice(0, REPLIES_PAGE_SIZE);
    const body: RepliesResponse = {
      parentId: parent.id,
      replies: replies.map((reply) => publicComment(reply, own)),
      nextCursor: repliesCursor(replies.at(-1), replies.length, rows.length),
    };
    return json(body, 200, request.headers.has('x-comment-keys') ? 'private' : 'public');
  };

  const createComment: Handler = async (request, meta) => {
    checkOrigin(request, config.siteOrigin);
    const input = expectValid(parseNewComment(await readJsonBody(request)));
    const now = deps.now();
    const status = statusForNewComment(config.moderation, input.text);
    const name = displayName(input.name);
    const editSecret = newSecret();
    const reply = (comment: PublicComment): Response => {
      const body: CreatedResponse = { comment, editSecret, editableUntil: iso(now + EDIT_WINDOW_MS) };
      return json(body, status === 'published' ? 201 : 202);
    };
    const page = await knownPage(input.page, 'page');
    let parentId: string | null = null;
    if (input.parentId !== null) {
      const parent = await store.get(input.parentId);
      // Only published comments take replies: readers cannot see the others, and a reply must not outlive its
      // parent's approval in a thread.
      if (!parent || parent.page !== page || parent.status !== 'published') {
        throw badField('parentId', 'parentId does not name a published comment on this page.');
      }
      // Replies are one level deep: answering a reply joins the thread of its top-level comment.
      parentId = parent.parentId ?? parent.id;
    }
    if (input.honeypot !== '') {
      // Checked like a real post and answered like one (an unknown page is a 404 here too), so the bot learns
      // nothing; nothing is stored.
      return reply({ id: newId(), parentId, name, text: input.text, createdAt: iso(now), editedAt: null, status, mine: true, replies: [], ...NO_MORE_REPLIES });
    }
    const record: CommentRecord = {
      id: newId(),
      page,
      parentId,
      name,
      text: input.text,
      status,
      createdAt: now,
      editedAt: null,
      secretHash: hashSecret(editSecret),
      clientHash: hashedClient(request, meta),
      openReports: 0,
    };
    const admission = await store.insert(record, {
      since: now - rateLookback(rateRules),
      admit: (recent, threadReplies) =>
        threadReplies >= THREAD_REPLIES_MAX ? { admitted: false, threadFull: true } : admitByRate(recent, now, rateRules),
    });
    expectAdmitted(admission, 'comments');
    return reply(publicComment(record, new Set([record.id])));
  };

  /**
   * The comment a PATCH or DELETE is about, once the requester proved they may change it. Erasing needs only the
   * edit secret: its author may erase it for as long as they hold the key, whatever became of the comment.
   */
  async function changeableComment(id: string, editSecret: string | null, admin: boolean, erase = false): Promise<CommentRecord> {
    if (!admin && editSecret === null) throw badField('editSecret', 'editSecret is required (or an admin token).');
    const record = COMMENT_ID_PATTERN.test(id) ? await store.get(id) : null;
    if (!record || isErased(record)) throw notFound();
    if (!erase && (record.status === 'deleted' || (record.status === 'rejected' && !admin))) throw notFound();
    if (admin) return record;
    if (!sameSecret(hashSecret(editSecret ?? ''), record.secretHash)) {
      throw new HttpError(403, 'wrong_secret', 'This browser did not post that comment.');
    }
    if (!erase && deps.now() - record.createdAt > EDIT_WINDOW_MS) {
      throw new HttpError(403, 'edit_window_closed', 'Comments can be changed for 15 minutes after posting.');
    }
    return record;
  }

  /** Counts an edit or delete against the client's limit (the owner has none); 429 past it. */
  function takeChange(request: Request, meta: RequestMeta, admin: boolean): void {
    if (!admin) expectAdmitted(changes.take(hashedClient(request, meta), deps.now()), 'changes');
  }

  const editComment: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    const admin = adminAuthorised(request, meta, false);
    const input = expectValid(parseEdit(await readJsonBody(request)));
    takeChange(request, meta, admin);
    const record = await changeableComment(id, input.editSecret, admin);
    const status: CommentStatus = admin ? record.status : statusAfterEdit(config.moderation, record.status, input.text);
    const edited = await store.edit(record.id, { text: input.text, editedAt: deps.now(), status });
    if (!edited) throw notFound();
    // Whoever may edit it sees it whole, also while it waits for approval.
    const body: EditedResponse = { comment: publicComment(edited, new Set([edited.id])) };
    return json(body);
  };

  /** Erases a comment for good (see CommentStore.erase): 404 when it is already gone. */
  async function eraseComment(id: string): Promise<Response> {
    if (!(await store.erase(id))) throw notFound();
    const body: ErasedResponse = { id, erased: true };
    return json(body);
  }

  const deleteComment: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    const admin = adminAuthorised(request, meta, false);
    const input = expectValid(parseDelete(await readJsonBody(request)));
    takeChange(request, meta, admin);
    const record = await changeableComment(id, input.editSecret, admin, input.erase);
    if (input.erase) return eraseComment(record.id);
    const deleted = await store.setStatus(record.id, { status: 'deleted', reviewed: admin, at: deps.now() });
    if (!deleted) throw notFound();
    return json({ id: deleted.id, deleted: true });
  };

  const reportComment: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    const input = expectValid(parseReport(await readJsonBody(request)));
    const record = COMMENT_ID_PATTERN.test(id) ? await store.get(id) : null;
    if (!record || record.status !== 'published') throw notFound();
    const now = deps.now();
    const result = await store.report(
      { commentId: record.id, clientHash: hashedClient(request, meta), reason: input.reason, createdAt: now },
      { since: now - rateLookback(reportRules), admit: (recent) => admitByRate(recent, now, reportRules) },
    );
    if (!result) throw notFound();
    expectAdmitted(result.admission, 'reports');
    return json({ id: record.id, reported: true }, 202);
  };

  const countComments: Handler = async (request) => {
    const param = new URL(request.url).searchParams.get('pages') ?? '';
    const requested = param.split(',').map((path) => path.trim()).filter((path) => path !== '');
    if (requested.length === 0) throw badField('pages', 'pages is required: comma-separated page paths.');
    if (requested.length > COUNTS_PAGES_MAX) throw badField('pages', `Ask for at most ${COUNTS_PAGES_MAX} pages at once.`);
    const pages: string[] = [];
    for (const path of requested) pages.push(await knownPage(path, 'pages'));
    const counts = await store.counts(pages, REPORTS_TO_HIDE);
    const body: CountsResponse = { counts: Object.fromEntries(pages.map((page) => [page, counts.get(page) ?? 0])) };
    return json(body, 200, 'public');
  };

  const adminQueue: Handler = async (request, meta) => {
    adminAuthorised(request, meta, true);
    const url = new URL(request.url);
    const queueParam = url.searchParams.get('queue') ?? 'pending';
    if (!(ADMIN_QUEUES as readonly string[]).includes(queueParam)) {
      throw badField('queue', `queue must be one of ${ADMIN_QUEUES.join(', ')}.`);
    }
    const queue = queueParam as AdminQueue;
    const sort: ThreadSort = queue === 'removed' ? 'newest' : 'oldest';
    const after = positionOf(url.searchParams.get('cursor'), sort, 'queue');
    const rows = await store.queue(queue, after, THREAD_PAGE_SIZE + 1);
    const shown = rows.slice(0, THREAD_PAGE_SIZE);
    const last = shown.at(-1);
    const body: AdminQueueResponse = {
      queue,
      comments: shown.map((row) => adminComment(row, row.reportReasons)),
      nextCursor: rows.length > THREAD_PAGE_SIZE && last ? encodeCursor({ sort, createdAt: last.createdAt, id: last.id }) : null,
    };
    return json(body);
  };

  const ACTION_STATUS: Record<AdminAction, CommentStatus> = {
    approve: 'published',
    reject: 'rejected',
    delete: 'deleted',
    restore: 'published',
  };

  const adminAction: Handler = async (request, meta, [id = '', action = '']) => {
    checkOrigin(request, config.siteOrigin);
    adminAuthorised(request, meta, true);
    expectValid(parseEmpty(await readJsonBody(request)));
    if (action === 'erase') return eraseComment(COMMENT_ID_PATTERN.test(id) ? id : '');
    if (!(ADMIN_ACTIONS as readonly string[]).includes(action)) throw notFound('action');
    const record = COMMENT_ID_PATTERN.test(id)
      ? await store.setStatus(id, { status: ACTION_STATUS[action as AdminAction], reviewed: true, at: deps.now() })
      : null;
    if (!record) throw notFound();
    const body: AdminActionResponse = { comment: adminComment(record) };
    return json(body);
  };

  /** Path patterns and the handler for each method. */
  const routes: readonly Route<Handler>[] = [
    { pattern: /^\/api\/comments$/, methods: { GET: listComments, POST: createComment } },
    { pattern: /^\/api\/comments\/counts$/, methods: { GET: countComments } },
    { pattern: /^\/api\/comments\/([^/]+)$/, methods: { PATCH: editComment, DELETE: deleteComment } },
    { pattern: /^\/api\/comments\/([^/]+)\/report$/, methods: { POST: reportComment } },
    { pattern: /^\/api\/comments\/([^/]+)\/replies$/, methods: { GET: listReplies } },
    { pattern: /^\/api\/admin\/comments$/, methods: { GET: adminQueue } },
    { pattern: /^\/api\/admin\/comments\/([^/]+)\/([^/]+)$/, methods: { POST: adminAction } },
  ];

  async function dispatch(request: Request, meta: RequestMeta): Promise<Response> {
    const { handler, params } = routeFor(routes, request);
    return handler(request, meta, params);
  }

  return {
    async fetch(request, meta) {
      try {
        return await dispatch(request, meta);
      } catch (error) {
        return responseForError(error, logError);
      }
    },
  };
}
