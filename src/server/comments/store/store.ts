/** The storage side of comments: one interface, implemented by sqlite.ts and postgres.ts beside it. */
import type { AdminQueue, CommentFields } from '../../../lib/comments/api-types.ts';
import type { ThreadSort } from '../../../lib/comments/cursor.ts';
import type { CommentStatus } from '../../../lib/comments/moderation.ts';
import type { Admission, ListPosition, RateGuard } from '../../db/guards.ts';

/** A comment as stored. Times are milliseconds since the epoch in both stores, so moves keep them exactly. */
export interface CommentRecord extends CommentFields<number> {
  /** SHA-256 (hex) of the edit secret handed to the author. */
  secretHash: string;
  /** Keyed hash of the poster's address: for rate limits and report counting, never the address itself. */
  clientHash: string;
}

/** One reader's report of one comment. `open` until the owner reviews the comment. */
export interface ReportRecord {
  commentId: string;
  clientHash: string;
  reason: string;
  createdAt: number;
  open: boolean;
}

/** A comment in a moderation queue, with the reasons of its open reports. */
export interface QueuedComment extends CommentRecord {
  reportReasons: string[];
}

export interface ThreadQuery {
  page: string;
  sort: ThreadSort;
  after: ListPosition | null;
  /** Top-level comments to return; the store returns one more when there are more, to tell there is a next page. */
  limit: number;
  /** Comments this reader proved they wrote: shown to them while pending or hidden by reports. */
  ownIds: readonly string[];
  /** Open reports from this many clients hide a comment. */
  reportsToHide: number;
  /** Replies to return per top-level comment, oldest first; `replyCounts` tells how many there are in all. */
  repliesLimit: number;
}

/** More replies to one top-level comment, after the ones a reader has. */
export interface RepliesQuery {
  parentId: string;
  after: ListPosition | null;
  /** Replies to return; the store returns one more when there are more. */
  limit: number;
  ownIds: readonly string[];
  reportsToHide: number;
}

export interface ThreadRows {
  /**
   * Top-level comments in order, up to limit + 1: visible ones, the reader's own pending ones, and hidden ones
   * that still have a visible reply (the caller shows those as placeholders).
   */
  topLevel: CommentRecord[];
  /** Visible (or own, pending) replies to those top-level comments, oldest first, at most `repliesLimit` each. */
  replies: CommentRecord[];
  /** Visible (or own, pending) replies per listed top-level comment, in all; absent for none. */
  replyCounts: Map<string, number>;
  /** Visible comments on the page, replies included. */
  total: number;
}

export interface InsertGuard {
  /** Look at the poster's comments created after this time. */
  since: number;
  /**
   * Decides, inside the insert's transaction, from those comments' creation times (oldest first) and the replies
   * the thread already has (published or waiting; 0 for a top-level comment).
   */
  admit: (recentCreatedAts: number[], threadReplies: number) => Admission;
}

/** A status change; `reviewed` closes the comment's open reports; `at` is when (hidden comments are erased later). */
export interface StatusChange {
  status: CommentStatus;
  reviewed: boolean;
  at: number;
}

/** One line of a backup: a comment or a report, in dependency order (parents before replies before reports). */
export type ExportItem = ({ type: 'comment' } & CommentRecord) | ({ type: 'report' } & ReportRecord);

export interface ImportResult {
  inserted: number;
  /** Items whose id (or comment and client, for reports) already existed: left as they were. */
  skipped: number;
}

export interface CommentStore {
  readonly kind: 'sqlite' | 'postgres';
  thread(query: ThreadQuery): Promise<ThreadRows>;
  /**
   * A number that changes whenever anything readers could see on the page changes (every write bumps it in the
   * same transaction), so a listing can be reused until it moves. 0 for a page never written to.
   */
  pageVersion(page: string): Promise<number>;
  /** Visible comments per page; pages without any are absent. */
  counts(pages: readonly string[], reportsToHide: number): Promise<Map<string, number>>;
  get(id: string): Promise<CommentRecord | null>;
  getMany(ids: readonly string[]): Promise<CommentRecord[]>;
  /** Stores a new comment if `guard` admits it; the check and the insert are one transaction. */
  insert(record: CommentRecord, guard: InsertGuard): Promise<Admission>;
  /** More replies to one top-level comment (see RepliesQuery), oldest first. */
  replies(query: RepliesQuery): Promise<CommentRecord[]>;
  /** Replaces the text of a comment that is neither rejected nor deleted; null when there is none. */
  edit(id: string, change: { text: string; editedAt: number; status: CommentStatus }): Promise<CommentRecord | null>;
  /** Changes the status of a comment that was not erased; null when there is none. */
  setStatus(id: string, change: StatusChange): Promise<CommentRecord | null>;
  /**
   * Records a report once per client and comment if `guard` admits it (from the client's recent reports); `added`
   * is false for a repeat or a refusal. Only the newest REPORT_REASONS_KEPT reasons of a comment are kept.
   */
  report(report: Omit<ReportRecord, 'open'>, guard: RateGuard): Promise<{ admission: Admission; added: boolean; openReports: number } | null>;
  /**
   * Erases a comment for good: its reports go, and so does the row, unless replies hang under it; then it stays as
   * an empty, deleted placeholder (no name, text, secret or client hash). False when there is no such comment.
   */
  erase(id: string): Promise<boolean>;
  /** Erases (as erase does) every comment deleted or rejected before `cutoff`; returns how many. */
  eraseHiddenBefore(cutoff: number): Promise<number>;
  queue(queue: AdminQueue, after: ListPosition | null, limit: number): Promise<QueuedComment[]>;
  /** The newest visible comments, replies included, newest first: of one page, or of every page when `page` is null. */
  latestVisible(page: string | null, limit: number, reportsToHide: number): Promise<CommentRecord[]>;
  exportAll(): AsyncIterable<ExportItem>;
  importItems(items: Iterable<ExportItem> | AsyncIterable<ExportItem>): Promise<ImportResult>;
  close(): Promise<void>;
}

/** What an erased placeholder keeps instead of its hashes: they match no edit secret and no client. */
export const ERASED_SECRET_HASH = '0'.repeat(64);
export const ERASED_CLIENT_HASH = '0'.repeat(32);

/** An erased comment kept only as a placeholder for its replies: deleted, with no name and no text. */
export function isErased(record: Pick<CommentRecord, 'status' | 'text'>): boolean {
  return record.status === 'deleted' && record.text === '';
}
