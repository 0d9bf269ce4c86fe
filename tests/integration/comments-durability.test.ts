/**
 * The stores under the real server: a kill -9 in the middle of a write burst loses no acknowledged comment, and
 * two server processes on one SQLite file or one PostgreSQL database work side by side and see each other at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { clientAddressFor, postComment, thread } from '../support/comments-http.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PAGE = '/steps/casual-date/';
/** Every request comes from its own (forwarded) address, so rate limits stay out of the way. */
const BASE_ENV = { TRUST_PROXY: '1', COMMENTS_MODERATION: 'none' };

interface Target {
  name: string;
  env: () => Promise<Record<string, string>>;
  /** Opens the store the servers wrote to, to check it directly. */
  open: (dataDir: string) => CommentStore;
}

let clientCounter = 0;
const nextClient = () => clientAddressFor((clientCounter += 1));

const databases: TestDatabase[] = [];
const targets: Target[] = [
  {
    name: 'sqlite',
    env: async () => ({ DATABASE_URL: '' }),
    open: (dataDir) => new SqliteCommentStore(join(dataDir, 'comments.db')),
  },
];
if (postgresAvailable()) {
  let url = '';
  targets.push({
    name: 'postgres',
    env: async () => {
      const database = await createTestDatabase();
      databases.push(database);
      url = database.url;
      return { DATABASE_URL: database.url };
    },
    open: () => new PostgresCommentStore(url, { maxConnections: 2 }),
  });
}

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe.each(targets)('$name store under the server', (target) => {
  it('keeps every acknowledged comment when the server is killed (-9) in the middle of a write burst', async () => {
    const env = { ...BASE_ENV, ...(await target.env()) };
    const dataDir = mkdtempSync(join(tmpdir(), 'bt-crash-'));
    const server = await startServer({ env, dataDir });
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let attempts = 0;
    let killed: Promise<void> | undefined;
    // Eight writers in parallel; once 120 comments are acknowledged the server is killed while the others are
    // mid-request. Bounded: at most 2,000 attempts in all.
    const writer = async () => {
      while (!killed && attempts < 2000) {
        attempts += 1;
        try {
          const response = await postComment(server.url, { page: PAGE, text: `Burst comment ${attempts}` }, { forwardedFor: nextClient() });
          const body = (await response.json()) as { comment?: { id: string } };
          if (response.status === 201 && body.comment) acknowledged.push(body.comment.id);
          else refused.push(response.status);
        } catch {
          // The connection died with the server: never acknowledged, so nothing is owed.
        }
        if (acknowledged.length >= 120 && !killed) killed = server.kill();
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    await killed;
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);

    const store = target.open(dataDir);
    try {
      const found = await store.getMany(acknowledged);
      expect(found.map((comment) => comment.id).sort()).toEqual([...acknowledged].sort());
    } finally {
      await store.close();
    }
    if (target.name === 'sqlite') {
      const db = new DatabaseSync(join(dataDir, 'comments.db'));
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      db.close();
    }
    // And the server starts again on the same data and serves it.
    const restarted = await startServer({ env, dataDir });
    try {
      expect((await thread(restarted.url, PAGE)).total).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await restarted.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('two server processes on one store', () => {
    let first: RunningServer;
    let second: RunningServer;
    let dataDir: string;

    afterAll(async () => {
      await Promise.all([first?.stop(), second?.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('see each other’s comments at once and both take writes under contention without errors', async () => {
      const env = { ...BASE_ENV, ...(await target.env()) };
      dataDir = mkdtempSync(join(tmpdir(), 'bt-two-'));
      [first, second] = await Promise.all([startServer({ env, dataDir }), startServer({ env, dataDir })]);

      // Read-after-write across processes: each comment is in the other process's very next listing.
      for (let index = 0; index < 20; index += 1) {
        const [writer, reader] = index % 2 === 0 ? [first, second] : [second, first];
        const response = await postComment(writer.url, { page: PAGE, text: `Ping ${index}` }, { forwardedFor: nextClient() });
        expect(response.status).toBe(201);
        const { comment } = (await response.json()) as { comment: { id: string } };
        const listing = await thread(reader.url, PAGE, '&sort=newest');
        expect(listing.comments[0]?.id).toBe(comment.id);
      }

      // Contention: both processes take 60 writes each, 6 at a time, all at once.
      const statuses: number[] = [];
      const burst = async (server: RunningServer) => {
        for (let round = 0; round < 10; round += 1) {
          const responses = await Promise.all(
            Array.from({ length: 6 }, (_, index) => postComment(server.url, { page: PAGE, text: `Contended ${round}.${index}` }, { forwardedFor: nextClient() })),
          );
          for (const response of responses) {
            statuses.push(response.status);
            await response.arrayBuffer();
          }
        }
      };
      await Promise.all([burst(first), burst(second)]);
      expect(statuses.filter((status) => status !== 201)).toEqual([]);
      const [fromFirst, fromSecond] = await Promise.all([thread(first.url, PAGE), thread(second.url, PAGE)]);
      expect(fromFirst.total).toBe(140);
      expect(fromSecond.total).toBe(140);
    });
  });
});
