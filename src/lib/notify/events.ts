/**
 * Which comment writes tell the site owner that something waits for them. Both stores call these inside the
 * write's own transaction and put what they return in the notification outbox.
 */
import { isVisible, type CommentStatus } from '../comments/moderation.ts';

/** `pending`: a comment waits for approval; `hidden`: reports hid a comment until the owner reviews it. */
export type OwnerEventKind = 'pending' | 'hidden';

/** A new comment that waits for approval; nothing for one that is published straight away. */
export function ownerEventForNewComment(status: CommentStatus): OwnerEventKind | null {
  return status === 'pending' ? 'pending' : null;
}

/** An edit that sends a comment back for approval (a link added under `links` moderation). */
export function ownerEventForEdit(before: CommentStatus, after: CommentStatus): OwnerEventKind | null {
  return before !== 'pending' && after === 'pending' ? 'pending' : null;
}

/** The report that hides a comment: only the one that crosses the line, never the ones after it. */
export function ownerEventForReport(status: CommentStatus, reportsBefore: number, reportsAfter: number): OwnerEventKind | null {
  return isVisible(status, reportsBefore) && !isVisible(status, reportsAfter) ? 'hidden' : null;
}
