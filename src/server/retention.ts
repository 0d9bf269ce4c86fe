/**
 * Forgetting by default: comments deleted or rejected longer ago than COMMENTS_RETENTION_DAYS are erased for good
 * (see CommentStore.erase), once at start-up and then every hour, by every server process (erasing twice is harmless).
 */
import type { CommentStore } from './comments/store/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a running server looks for comments past their retention. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Erases the hidden comments whose retention has run out at `now`; returns how many. */
export function eraseExpired(store: CommentStore, now: number, retentionDays: number): Promise<number> {
  return store.eraseHiddenBefore(now - retentionDays * DAY_MS);
}

export interface RetentionOptions {
  store: CommentStore;
  retentionDays: number;
  now: () => number;
  log: (message: string) => void;
  /** Schedules the next sweeps (setInterval in the server; tests pass their own). */
  every: (sweep: () => void, intervalMs: number) => { unref?: () => void };
}

/** Sweeps now and then every RETENTION_SWEEP_INTERVAL_MS; a failed sweep is logged and tried again next time. */
export function startRetention(options: RetentionOptions): Promise<void> {
  const sweep = async () => {
    try {
      const erased = await eraseExpired(options.store, options.now(), options.retentionDays);
      if (erased > 0) options.log(`erased ${erased} comment(s) hidden for more than ${options.retentionDays} days`);
    } catch (error) {
      options.log(`could not erase expired comments (trying again later): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // The timer must not keep a process alive that has nothing else to do.
  options.every(() => void sweep(), RETENTION_SWEEP_INTERVAL_MS).unref?.();
  return sweep();
}
