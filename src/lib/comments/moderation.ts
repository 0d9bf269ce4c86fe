import { REPORTS_TO_HIDE } from './limits.ts';
import { containsLink } from './text.ts';

/** `all`: everything waits for approval; `links`: comments with a link wait; `none`: everything is published. */
export type ModerationPolicy = 'all' | 'links' | 'none';
export const MODERATION_POLICIES: readonly ModerationPolicy[] = ['all', 'links', 'none'];

/** Where a comment is in its life: shown, waiting for the owner, turned down by the owner, or removed. */
export type CommentStatus = 'published' | 'pending' | 'rejected' | 'deleted';

/** The status a new comment starts in under `policy`. */
export function statusForNewComment(policy: ModerationPolicy, text: string): 'published' | 'pending' {
  if (policy === 'all') return 'pending';
  if (policy === 'links' && containsLink(text)) return 'pending';
  return 'published';
}

/**
 * The status after its author edits a comment: an edit can send a published comment back for approval (a link
 * added after posting must not skip moderation), and never publishes one the owner has not approved.
 */
export function statusAfterEdit(policy: ModerationPolicy, current: CommentStatus, text: string): CommentStatus {
  if (current !== 'published') return current;
  return statusForNewComment(policy, text);
}

/** True when readers see the comment: published and not hidden by reports awaiting review. */
export function isVisible(status: CommentStatus, openReports: number): boolean {
  return status === 'published' && openReports < REPORTS_TO_HIDE;
}

/**
 * The same rule as SQL, for the comments row `alias`, in both dialects the stores speak: what isVisible says of a
 * record, this says in a WHERE clause. The threshold is written into the text, so it must be a whole number.
 */
export function visibleSql(alias: string, reportsToHide: number = REPORTS_TO_HIDE): string {
  if (!Number.isSafeInteger(reportsToHide)) throw new RangeError(`reportsToHide must be a whole number, not ${reportsToHide}`);
  return `(${alias}.status = 'published' AND ${alias}.open_reports < ${reportsToHide})`;
}
