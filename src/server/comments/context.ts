/**
 * What every part of the comments API shares: its dependencies with their defaults, and the checks that more than
 * one resource makes (the page, the requester, the admin token, cursors, admissions).
 */
import { decodeCursor, type ThreadSort } from '../../lib/comments/cursor.ts';
import { COMMENT_ID_PATTERN, EDIT_SECRET_PATTERN, OWN_KEYS_MAX, THREAD_REPLIES_MAX } from '../../lib/comments/limits.ts';
import { normalisePagePath } from '../../lib/comments/page-path.ts';
import { checkAdminToken } from '../admin-auth.ts';
import { clientAddress, hashSecret, newCommentId, newEditSecret, sameSecret } from '../client-id.ts';
import type { CommentsConfig } from '../config.ts';
import { CHANGE_RATE_RULES, COMMENT_RATE_RULES, REPORT_RATE_RULES, type RateRule } from '../rate-limit.ts';
import { badField, HttpError, rateLimited } from '../respond.ts';
import type { RequestMeta } from '../router.ts';
import type { Admission, ListPosition } from '../db/guards.ts';
import type { CommentStore } from './store/store.ts';
import { ADMIN_LOGIN_BACKOFF, FailureBackoff, Throttle, type BackoffRules } from '../throttle.ts';

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

export const notFound = (what = 'comment') => new HttpError(404, 'not_found', `There is no such ${what}.`);

/** The comment `id` names, or null for an id this service never hands out. */
export const commentById = (store: CommentStore, id: string) => (COMMENT_ID_PATTERN.test(id) ? store.get(id) : Promise.resolve(null));

/** Throws the refusal of an admission that was not granted. */
export function expectAdmitted(admission: Admission, what: string): void {
  if (admission.admitted) return;
  if ('threadFull' in admission) {
    throw new HttpError(409, 'thread_full', `This conversation has reached ${THREAD_REPLIES_MAX} replies. Start a new comment instead.`, {
      field: 'parentId',
    });
  }
  throw rateLimited(admission.retryAfterMs, what);
}

/** The position a cursor from a client stands for, in the order `sort`; 400 for one this service did not hand out. */
export function positionOf(cursorParam: string | null, sort: ThreadSort, what: string): ListPosition | null {
  if (cursorParam === null || cursorParam === '') return null;
  const cursor = decodeCursor(cursorParam);
  if (cursor === null || cursor.sort !== sort) throw badField('cursor', `cursor is not one this ${what} handed out.`);
  return { createdAt: cursor.createdAt, id: cursor.id };
}

/** The dependencies with their defaults filled in, and the checks built on them. */
export function commentsContext(deps: CommentsDeps) {
  const { store, config } = deps;
  const adminFailures = deps.adminFailures ?? new FailureBackoff(deps.adminBackoff ?? ADMIN_LOGIN_BACKOFF);

  function hashedClient(request: Request, meta: RequestMeta): string {
    return deps.hashClient(clientAddress(request, meta.clientAddress, config.trustProxy));
  }

  return {
    store,
    config,
    now: deps.now,
    newId: deps.newId ?? newCommentId,
    newSecret: deps.newSecret ?? newEditSecret,
    rateRules: deps.rateRules ?? COMMENT_RATE_RULES,
    reportRules: deps.reportRateRules ?? REPORT_RATE_RULES,
    changes: new Throttle(deps.changeRateRules ?? CHANGE_RATE_RULES),
    hashedClient,

    /** The canonical path of a page that takes comments; 400 for a malformed one, 404 for one the site lacks. */
    async knownPage(path: string | null, field: string): Promise<string> {
      if (path === null || path === '') throw badField(field, `${field} is required: the path of a step or article.`);
      const page = normalisePagePath(path);
      if (page === null) throw badField(field, `${field} must be a site path such as /steps/take-time/.`);
      if (!(await deps.knownPages()).has(page)) {
        throw new HttpError(404, 'unknown_page', `${page} has no comments: it is not a step or article of this site.`, { field });
      }
      return page;
    },

    /**
     * True for a request carrying the right admin token; 401 for a wrong one, 404 when moderation is off. After
     * repeated wrong tokens a client waits, longer each time (429), before its next try is even looked at.
     */
    adminAuthorised(request: Request, meta: RequestMeta, required: boolean): boolean {
      return checkAdminToken(request, config.adminToken, required, { client: hashedClient(request, meta), now: deps.now(), failures: adminFailures });
    },

    /** Own-comment claims from the X-Comment-Keys header (`id:secret, …`), kept only where the secret matches. */
    async provenOwnIds(request: Request, page: string): Promise<Set<string>> {
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
    },
  };
}

export type CommentsContext = ReturnType<typeof commentsContext>;
