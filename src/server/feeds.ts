/**
 * Atom feeds of published comments: one per page that takes comments (`/api/feeds/steps/<slug>.atom`), so a reader
 * can follow replies without giving an e-mail address, and one of the whole site for the owner
 * (`/api/feeds/comments.atom`). Only comments readers can see appear in them. Every answer carries an ETag and a
 * Last-Modified, so a feed reader that polls gets a bodiless 304 until something changes.
 */
import { createHash } from 'node:crypto';
import { REPORTS_TO_HIDE } from '../lib/comments/limits.ts';
import { atomFeed, type AtomEntry } from '../lib/feeds/atom.ts';
import { pageOfCommentsFeed, SITE_COMMENTS_FEED } from '../lib/feeds/paths.ts';
import { HttpError, responseForError, withSecurityHeaders } from './respond.ts';
import type { CommentRecord, CommentStore } from './comments/store/store.ts';

export interface FeedsDeps {
  store: Pick<CommentStore, 'latestVisible'>;
  /** Title of every page that takes comments, by canonical path. */
  pageTitles: () => Promise<ReadonlyMap<string, string>>;
  /** Origin for the links in feeds (SITE_URL); null: the request's own. */
  siteOrigin: string | null;
  now: () => number;
  logError?: (error: unknown) => void;
}

export interface FeedsApi {
  fetch(request: Request): Promise<Response>;
}

/** Entries per feed: enough for any reader polling now and then. */
export const FEED_ENTRIES = 50;
const SITE_NAME = 'Back Together';

/** `"abc", W/"def"` → the opaque tags, weak or not (If-None-Match compares weakly). */
function entityTags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
}

function entryFor(comment: CommentRecord, origin: string, titles: ReadonlyMap<string, string>): AtomEntry {
  const link = `${origin}${comment.page}#comment-${comment.id}`;
  const pageTitle = titles.get(comment.page) ?? comment.page;
  return {
    id: link,
    title: `${comment.name} ${comment.parentId === null ? 'commented' : 'replied'} on “${pageTitle}”`,
    authorName: comment.name,
    published: comment.createdAt,
    updated: comment.editedAt ?? comment.createdAt,
    link,
    content: comment.text,
  };
}

export function createFeedsApi(deps: FeedsDeps): FeedsApi {
  const logError = deps.logError ?? ((error: unknown) => console.error('[feeds]', error));
  /**
   * When this process first served each feed's current body. Last-Modified is that time, not the newest entry's:
   * approving an old comment or removing one changes a feed without a newer entry, and must still move it on.
   */
  const firstServed = new Map<string, { tag: string; at: number }>();

  async function feedBody(path: string, origin: string): Promise<string> {
    const titles = await deps.pageTitles();
    const page = path === SITE_COMMENTS_FEED ? null : pageOfCommentsFeed(path);
    if (path !== SITE_COMMENTS_FEED && (page === null || !titles.has(page))) {
      throw new HttpError(404, 'not_found', 'There is no such feed: feeds exist for the steps and articles of this site.');
    }
    const comments = await deps.store.latestVisible(page, FEED_ENTRIES, REPORTS_TO_HIDE);
    const entries = comments.map((comment) => entryFor(comment, origin, titles));
    const pageTitle = page === null ? null : (titles.get(page) ?? page);
    return atomFeed({
      id: `${origin}${path}`,
      title: pageTitle === null ? `Recent comments · ${SITE_NAME}` : `Comments on “${pageTitle}” · ${SITE_NAME}`,
      subtitle: pageTitle === null ? 'The newest comments and replies on every page.' : 'New comments and replies on this page.',
      selfUrl: `${origin}${path}`,
      pageUrl: `${origin}${page ?? '/'}`,
      // An empty feed still needs a time: the epoch says "nothing yet" without inventing a change.
      updated: Math.max(0, ...entries.map((entry) => entry.updated)),
      entries,
    });
  }

  async function serve(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError(405, 'method_not_allowed', `${request.method} is not supported here.`, { headers: { Allow: 'GET, HEAD' } });
    }
    const url = new URL(request.url);
    const origin = deps.siteOrigin ?? url.origin;
    const body = await feedBody(url.pathname, origin);
    const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    let served = firstServed.get(url.pathname);
    if (served?.tag !== tag) {
      // HTTP dates have whole seconds: round down, so a client's If-Modified-Since compares equal.
      served = { tag, at: Math.floor(deps.now() / 1000) * 1000 };
      firstServed.set(url.pathname, served);
    }
    const headers = {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      ETag: tag,
      'Last-Modified': new Date(served.at).toUTCString(),
    };
    const ifNoneMatch = request.headers.get('if-none-match');
    const ifModifiedSince = Date.parse(request.headers.get('if-modified-since') ?? '');
    // RFC 9110: If-None-Match, when sent, decides alone; If-Modified-Since only counts without it.
    const unchanged =
      ifNoneMatch !== null ? entityTags(ifNoneMatch).some((sent) => sent === tag || sent === '*') : served.at <= ifModifiedSince;
    if (unchanged) return withSecurityHeaders(null, 304, 'public', headers);
    return withSecurityHeaders(request.method === 'HEAD' ? null : body, 200, 'public', headers);
  }

  return {
    async fetch(request) {
      try {
        return await serve(request);
      } catch (error) {
        return responseForError(error, logError);
      }
    },
  };
}
