/**
 * Comments API throughput on the built Node server: listing a page with 200 comments and posting, on SQLite and
 * (with TEST_DATABASE_URL) PostgreSQL, plus the server's memory. Prints figures; asserts nothing about time.
 * Traffic goes to 127.0.0.1 only, in bounded loops.
 *
 *   npm run bench -- tests/bench/comments.bench.ts          (add SKIP_BUILD=1 to reuse a build in OUT_DIR)
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, describe, test } from 'vitest';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { ensureBuilt } from '../support/build.ts';
import { ALWAYS, commentRecord, T0 } from '../support/comments.ts';
import { clientAddressFor } from '../support/comments-http.ts';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PAGE = '/steps/take-time/';
const LIST_CONNECTIONS = 32;
const LIST_REQUESTS = 20_000;
const POST_CONNECTIONS = 8;
const POST_REQUESTS = 1_000;

ensureBuilt();

/** 150 top-level comments and 50 replies on one page: the first page of the listing carries 100 of them. */
async function seed(store: CommentStore): Promise<void> {
  const top = Array.from({ length: 150 }, (_, index) =>
    commentRecord({ page: PAGE, createdAt: T0 + index * 1000, name: `Reader ${index}`, text: `Comment ${index}: ${'a thoughtful sentence about the step. '.repeat(4)}` }),
  );
  for (const record of top) await store.insert(record, ALWAYS);
  for (let index = 0; index < 50; index += 1) {
    await store.insert(commentRecord({ page: PAGE, parentId: top[index]!.id, createdAt: T0 + 500_000 + index, text: `A reply ${index}` }), ALWAYS);
  }
}

interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

/** Sends `total` requests over `connections` keep-alive connections as fast as they are answered. */
async function load(origin: string, total: number, connections: number, request: (index: number) => { method: string; path: string; headers?: Record<string, string>; body?: string }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(origin);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const one = (index: number) =>
    new Promise<void>((done, fail) => {
      const { method, path, headers = {}, body } = request(index);
      const started = performance.now();
      const outgoing = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (response) => {
        response.on('data', () => {});
        response.on('end', () => {
          latencies.push(performance.now() - started);
          statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
          done();
        });
      });
      outgoing.on('error', fail);
      outgoing.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) await one(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * quantile))] ?? 0;
  return { requests: total, seconds, p50: at(0.5), p99: at(0.99), statuses };
}

function memoryOf(server: RunningServer): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
}

function report(label: string, result: LoadResult, server: RunningServer): void {
  const memory = memoryOf(server);
  console.log(
    `[comments bench] ${label}: ${Math.round(result.requests / result.seconds).toLocaleString('en')} req/s, ` +
      `p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${result.requests} requests in ${result.seconds.toFixed(1)} s, ` +
      `statuses ${JSON.stringify(result.statuses)}; server RSS ${memory.rssMiB} MiB (peak ${memory.peakMiB} MiB)`,
  );
}

const targets: { name: string; prepare: () => Promise<{ env: Record<string, string>; store: (dataDir: string) => CommentStore; dispose: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    prepare: async () => ({ env: { DATABASE_URL: '' }, store: (dataDir) => new SqliteCommentStore(`${dataDir}/comments.db`), dispose: async () => {} }),
  },
];
if (postgresUrl) {
  targets.push({
    name: 'postgres',
    prepare: async () => {
      const database: TestDatabase = await createTestDatabase();
      return { env: { DATABASE_URL: database.url }, store: () => new PostgresCommentStore(database.url, { maxConnections: 2 }), dispose: () => database.drop() };
    },
  });
} else {
  console.warn('\n!!! No TEST_DATABASE_URL: the PostgreSQL bench is skipped.\n');
}

for (const target of targets) {
  describe(`comments API on ${target.name}`, () => {
    let server: RunningServer | undefined;
    let dispose: () => Promise<void> = async () => {};
    let posted = 0;

    /** Starts the server on a seeded store the first time a benchmark of this store needs it. */
    async function seededServer(): Promise<RunningServer> {
      if (server) return server;
      const prepared = await target.prepare();
      dispose = prepared.dispose;
      server = await startServer({ env: { ...prepared.env, TRUST_PROXY: '1', COMMENTS_MODERATION: 'none' } });
      const store = prepared.store(server.dataDir);
      await seed(store);
      await store.close();
      return server;
    }

    afterAll(async () => {
      await server?.stop();
      await dispose();
    });

    test('throughput under load: listing (cached and uncached) and posting', { timeout: 600_000 }, async () => {
      const running = await seededServer();
      const listing = (index: number) => ({ method: 'GET', path: index % 2 === 0 ? `/api/comments?page=${PAGE}` : `/api/comments?page=${PAGE}&sort=newest` });
      await load(running.url, 1000, LIST_CONNECTIONS, listing);
      report(`${target.name} GET page of 200 comments, ${LIST_CONNECTIONS} connections`, await load(running.url, LIST_REQUESTS, LIST_CONNECTIONS, listing), running);
      report(
        `${target.name} GET page of 200 comments with own keys (built per request), ${LIST_CONNECTIONS} connections`,
        await load(running.url, 5000, LIST_CONNECTIONS, () => ({ method: 'GET', path: `/api/comments?page=${PAGE}`, headers: { 'x-comment-keys': `aaaaaaaaaaaaaaaa:${'A'.repeat(43)}` } })),
        running,
      );
      report(
        `${target.name} POST comment, ${POST_CONNECTIONS} connections`,
        await load(running.url, POST_REQUESTS, POST_CONNECTIONS, (index) => ({
          method: 'POST',
          path: '/api/comments',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddressFor(100_000 + index) },
          body: JSON.stringify({ page: '/steps/casual-date/', text: `Bench comment ${index}` }),
        })),
        running,
      );
    });

    test('one request at a time: listing and posting', { timeout: 600_000 }, async ({ bench }) => {
      const running = await seededServer();
      await bench.compare(
        bench(`GET page of 200 comments (${target.name})`, async () => {
          const response = await fetch(`${running.url}/api/comments?page=${PAGE}`);
          await response.arrayBuffer();
        }),
        bench(`POST a comment (${target.name})`, async () => {
          posted += 1;
          const response = await fetch(`${running.url}/api/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddressFor(500_000 + posted) },
            body: JSON.stringify({ page: '/steps/understand-why/', text: `Sequential bench comment ${posted}` }),
          });
          await response.arrayBuffer();
        }),
        { time: 2000, warmupTime: 200 },
      );
    });
  });
}
