/** What the stores share about the rows they hand out and the limits they check inside a write's transaction. */

/** Position in an ordered list of comments: strictly after this one. */
export interface ListPosition {
  createdAt: number;
  id: string;
}

/**
 * A verdict on a new comment or report: admitted, refused by a rate limit (retry later), or refused because the
 * thread it replies to is full.
 */
export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number } | { admitted: false; threadFull: true };

/** A rate limit decided inside a write's transaction from the times of the client's earlier writes of that kind. */
export interface RateGuard {
  since: number;
  admit: (recentTimes: number[]) => Admission;
}
