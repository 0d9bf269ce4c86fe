/** How often one client may post: decided from the times of its recent comments, so it holds across processes. */
import type { Admission } from './db/guards.ts';

export interface RateRule {
  windowMs: number;
  max: number;
}

/** 5 comments a minute and 30 an hour per client. */
export const COMMENT_RATE_RULES: readonly RateRule[] = [
  { windowMs: 60 * 1000, max: 5 },
  { windowMs: 60 * 60 * 1000, max: 30 },
];

/** Reports per client: enough for a reader who finds several bad comments, not for a flood. */
export const REPORT_RATE_RULES: readonly RateRule[] = [
  { windowMs: 60 * 1000, max: 5 },
  { windowMs: 60 * 60 * 1000, max: 20 },
];

/** Edits and deletes per client, together: 10 a minute and 60 an hour. */
export const CHANGE_RATE_RULES: readonly RateRule[] = [
  { windowMs: 60 * 1000, max: 10 },
  { windowMs: 60 * 60 * 1000, max: 60 },
];

/** The longest window: how far back the store must look for a client's comments. */
export function rateLookback(rules: readonly RateRule[]): number {
  return Math.max(...rules.map((rule) => rule.windowMs));
}

/**
 * Whether one more comment is allowed at `now`, given the creation times of the client's earlier comments.
 * When not, `retryAfterMs` is how long until every rule would allow it.
 */
export function admitByRate(recentCreatedAts: readonly number[], now: number, rules: readonly RateRule[]): Admission {
  let retryAfterMs = 0;
  for (const rule of rules) {
    const inWindow = recentCreatedAts.filter((at) => at > now - rule.windowMs).sort((a, b) => a - b);
    if (inWindow.length < rule.max) continue;
    // The comment that has to leave the window before one more fits under this rule's maximum.
    const blocking = inWindow[inWindow.length - rule.max] ?? now;
    retryAfterMs = Math.max(retryAfterMs, blocking + rule.windowMs - now);
  }
  return retryAfterMs > 0 ? { admitted: false, retryAfterMs } : { admitted: true };
}
