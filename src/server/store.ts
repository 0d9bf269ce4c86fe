/** The storage side of comments: one interface, implemented by sqlite-store.ts and postgres-store.ts. */
import type { AdminQueue } from '../lib/comments/api-types.ts';
import type { ThreadSort } from '../lib/comments/cursor.ts';
import type { CommentStatus } from '../lib/comments/moderation.ts';

/** A comment as stored. Times are milliseconds since the epoch in both stores, so moves keep them exactly. */
export interface CommentRecord {
  id: string;
  /** Canonical page path, with a trailing slash: `/steps/take-time/`. */
  page: string;
  /** Top-level comment this replies to; replies are one level deep. */
  parentId: string | null;
  name: string;
  text: string;
  status: CommentStatus;
  createdAt: number;
  editedAt: number | null;
  /** SHA-256 (hex) of the edit secret handed to the author. */
  secretHash: string;
  /** Keyed hash of the poster's address: for rate limits and report counting, never the address itself. */
  clientHash: string;
  /** Reports from different clients since the owner last reviewed the comment. */
  openReports: number;
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

/** Position in an ordered list of comments: strictly after this one. */
export interface ListPosition {
  createdAt: number;
  id: string;
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
}

export interface ThreadRows {
  /**
   * Top-level comments in order, up to limit + 1: visible ones, the reader's own pending ones, and hidden ones
   * that still have a visible reply (the caller shows those as placeholders).
   */
  topLevel: CommentRecord[];
  /** Visible (or own, pending) replies to those top-level comments, oldest first. */
  replies: CommentRecord[];
  /** Visible comments on the page, replies included. */
  total: number;
}

/** A rate-limit verdict for a new comment, decided from the poster's recent comment times. */
export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

export interface InsertGuard {
  /** Look at the poster's comments created after this time. */
  since: number;
  /** Decides, inside the insert's transaction, from those comments' creation times (oldest first). */
  admit: (recentCreatedAts: number[]) => Admission;
}

/** A status change by the owner; `reviewed` closes the comment's open reports. */
export interface StatusChange {
  status: CommentStatus;
  reviewed: boolean;
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
  /** Replaces the text of a comment that is neither rejected nor deleted; null when there is none. */
  edit(id: string, change: { text: string; editedAt: number; status: CommentStatus }): Promise<CommentRecord | null>;
  setStatus(id: string, change: StatusChange): Promise<CommentRecord | null>;
  /** Records a report once per client and comment; `added` is false for a repeat. */
  report(report: Omit<ReportRecord, 'open'>): Promise<{ added: boolean; openReports: number } | null>;
  queue(queue: AdminQueue, after: ListPosition | null, limit: number): Promise<QueuedComment[]>;
  /** The newest visible comments, replies included, newest first: of one page, or of every page when `page` is null. */
  latestVisible(page: string | null, limit: number, reportsToHide: number): Promise<CommentRecord[]>;
  exportAll(): AsyncIterable<ExportItem>;
  importItems(items: Iterable<ExportItem> | AsyncIterable<ExportItem>): Promise<ImportResult>;
  close(): Promise<void>;
}

/** The store could not get to its data in time (a lock held too long, the database unreachable); worth a retry. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
