/**
 * Group commit for one SQLite connection. With `synchronous = FULL` every COMMIT waits for the disk (an fsync), which
 * capped posting at one comment per fsync. Here the first write of a turn of the event loop opens a transaction,
 * every write of that turn runs in a savepoint of its own (one that fails undoes only itself), and a single COMMIT at
 * the end of the turn makes them all durable before any of them is acknowledged: the same guarantee, one fsync for
 * all the writes that arrived together. Reads on the connection commit first, so they never see a write that is not
 * yet on disk.
 */
import type { DatabaseSync } from 'node:sqlite';
import { guardBusy } from './sqlite.ts';

interface Waiting {
  acknowledge: () => void;
  fail: (error: unknown) => void;
}

export class GroupCommit {
  readonly #db: DatabaseSync;
  readonly #what: string;
  #waiting: Waiting[] = [];
  #open = false;

  constructor(db: DatabaseSync, what: string) {
    this.#db = db;
    this.#what = what;
  }

  /** Runs `work` in this turn's transaction; resolves with its result once the transaction is committed. */
  run<T>(work: () => T): Promise<T> {
    try {
      if (!this.#open) {
        // Taken up front, so it waits for another process's lock instead of failing to upgrade.
        guardBusy(() => this.#db.exec('BEGIN IMMEDIATE'), this.#what);
        this.#open = true;
        setImmediate(() => this.commit());
      }
      this.#db.exec('SAVEPOINT one_write');
      let result: T;
      try {
        result = guardBusy(work, this.#what);
      } catch (error) {
        this.#db.exec('ROLLBACK TO one_write');
        throw error;
      } finally {
        this.#db.exec('RELEASE one_write');
      }
      return new Promise<T>((resolve, reject) => this.#waiting.push({ acknowledge: () => resolve(result), fail: reject }));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Commits the open transaction, if any, and acknowledges its writes (or fails them all if the commit fails). */
  commit(): void {
    if (!this.#open) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    this.#open = false;
    try {
      guardBusy(() => this.#db.exec('COMMIT'), this.#what);
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      for (const write of waiting) write.fail(error);
      return;
    }
    for (const write of waiting) write.acknowledge();
  }
}
