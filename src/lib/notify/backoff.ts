/** When a failed notification is tried again: doubling from 30 seconds, never more than an hour apart. */
export const RETRY_FIRST_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;

/** Delay before the next try after `failures` failed tries in a row (1 for the first failure). */
export function retryDelayMs(failures: number): number {
  const doublings = Math.min(Math.max(0, failures - 1), 20);
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** doublings);
}
