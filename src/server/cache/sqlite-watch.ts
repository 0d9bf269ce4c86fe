/**
 * Page versions of a SQLite file, read on a connection of their own. That connection never writes, so SQLite's
 * `PRAGMA data_version` on it changes whenever any connection, of this process or another, commits: until it does,
 * the versions already read are still right and cost no query.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { guardBusy } from '../db/sqlite.ts';
import type { ChangeWatch } from './change-watch.ts';

export class SqliteChangeWatch implements ChangeWatch {
  readonly #db: DatabaseSync;
  readonly #dataVersion: StatementSync;
  readonly #pageVersions: StatementSync;
  /** Versions read since the database last changed. */
  readonly #known = new Map<string, number>();
  #seenDataVersion = -1;

  /** The file must exist with its tables (the store creates and migrates it). */
  constructor(path: string) {
    this.#db = new DatabaseSync(path, { timeout: 5000 });
    this.#dataVersion = this.#db.prepare('PRAGMA data_version');
    this.#pageVersions = this.#db.prepare('SELECT page, version FROM page_versions WHERE page IN (SELECT value FROM json_each(:pages))');
  }

  async versions(pages: readonly string[]): Promise<number[]> {
    return guardBusy(() => {
      const dataVersion = Number(this.#dataVersion.get()?.['data_version']);
      if (dataVersion !== this.#seenDataVersion) {
        // Read before the versions: a commit in between makes the next call read them again.
        this.#known.clear();
        this.#seenDataVersion = dataVersion;
      }
      const unknown = pages.filter((page) => !this.#known.has(page));
      if (unknown.length > 0) {
        for (const page of unknown) this.#known.set(page, 0);
        for (const row of this.#pageVersions.all({ pages: JSON.stringify(unknown) })) this.#known.set(String(row['page']), Number(row['version']));
      }
      return pages.map((page) => this.#known.get(page) ?? 0);
    }, 'the comments database');
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
