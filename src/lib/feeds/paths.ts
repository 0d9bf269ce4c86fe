/** Where the comment feeds live: one Atom feed per page that takes comments, and one for the whole site. */
import { normalisePagePath } from '../comments/page-path.ts';

/** Recent comments on every page, for the site owner. */
export const SITE_COMMENTS_FEED = '/api/feeds/comments.atom';

const FEED_PREFIX = '/api/feeds';

/** `/steps/take-time/` → `/api/feeds/steps/take-time.atom` */
export function commentsFeedPath(page: string): string {
  return `${FEED_PREFIX}${page.replace(/\/+$/, '')}.atom`;
}

/** The page a feed path is about (the inverse of commentsFeedPath), or null when it names no page. */
export function pageOfCommentsFeed(path: string): string | null {
  if (!path.startsWith(`${FEED_PREFIX}/`) || !path.endsWith('.atom') || path === SITE_COMMENTS_FEED) return null;
  return normalisePagePath(path.slice(FEED_PREFIX.length, -'.atom'.length));
}
