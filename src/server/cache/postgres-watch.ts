/**
 * Page versions of a PostgreSQL database, read in batches: every request that asks while a read is under way waits
 * for the next one, which starts after it asked and so sees every write committed before it. Under load that is one
 * small query per round trip, shared by all the requests that arrived meanwhile, instead of one per request.
 */
import postgres from 'postgres';
import type { ChangeWatch } from './change-watch.ts';

interface Batch {
  pages: Set<string>;
  done: Promise<Map<string, number>>;
  settle: (result: Map<string, number> | Error) => void;
}

function newBatch(): Batch {
  let settle: Batch['settle'] = () => {};
  const done = new Promise<Map<string, number>>((resolve, reject) => {
    settle = (result) => (result instanceof Error ? reject(result) : resolve(result));
  });
  return { pages: new Set(), done, settle };
}

export class PostgresChangeWatch implements ChangeWatch {
  readonly #sql: postgres.Sql;
  #next: Batch | undefined;
  #reading = false;

  constructor(url: string) {
    // One connection is enough: there is never more than one read at a time.
    this.#sql = postgres(url, { max: 1, idle_timeout: 60, connect_timeout: 10, onnotice: () => {}, connection: { application_name: 'back-together-cache' } });
  }

  async versions(pages: readonly string[]): Promise<number[]> {
    const batch = (this.#next ??= newBatch());
    for (const page of pages) batch.pages.add(page);
    if (!this.#reading) void this.#read();
    const found = await batch.done;
    return pages.map((page) => found.get(page) ?? 0);
  }

  async #read(): Promise<void> {
    this.#reading = true;
    // Requests arriving in this same turn join the batch before it is sent.
    await Promise.resolve();
    const batch = this.#next;
    this.#next = undefined;
    if (batch) {
      try {
        const rows = await this.#sql`SELECT page, version FROM page_versions WHERE page = ANY(${[...batch.pages]}::text[])`;
        batch.settle(new Map(rows.map((row) => [row['page'] as string, Number(row['version'])])));
      } catch (error) {
        batch.settle(error instanceof Error ? error : new Error(String(error)));
      }
    }
    this.#reading = false;
    if (this.#next) void this.#read();
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}
