/**
 * Comments API on the built Node server, on SQLite and (with TEST_DATABASE_URL) PostgreSQL, in one process and with
 * CLUSTER_WORKERS=2: listing a page with 200 comments (first page, as every reader asks for it), comment counts,
 * posting, and the server's memory idle and under load (all its processes). The load comes from
 * tests/bench/load-generator.mjs in a process of its own. Also: a step page and an API answer are sent compressed.
 * Prints figures; asserts nothing about time. Traffic goes to 127.0.0.1 only, in bounded runs.
 *
 *   npm run bench -- tests/bench/comments.bench.ts          (add SKIP_BUILD=1 to reuse a build in OUT_DIR,
 *                                                          BENCH_SCALE=0.25 for fewer requests)
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { ensureBuilt } from '../support/build.ts';
import { ALWAYS, commentRecord, T0 } from '../support/comments.ts';
import { outDir } from '../support/paths.ts';
import { createTestDatabase, postgresUrl } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PAGE = '/steps/take-time/';
const GENERATOR = join(import.meta.dirname, 'load-generator.mjs');
const run = promisify(execFile);
/** BENCH_SCALE=0.25 runs a quarter of the requests (a busy machine); the figures are rates, so they stay comparable. */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1) || 1;
const scaled = (requests: number) => Math.max(200, Math.round(requests * SCALE));

ensureBuilt();

/** Steps and articles, as the counts request of an index page names them (at most 20). */
const countedPages = ['steps', 'articles']
  .flatMap((section) => readdirSync(join(outDir, 'client', section), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `/${section}/${entry.name}/`))
  .slice(0, 20);

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
  statuses: Record<string, number>;
  bytesPerResponse: number;
}

interface Job {
  total: number;
  connections: number;
  offset?: number;
  request: { method: string; path: string; headers?: Record<string, string>; body?: string };
}

async function load(origin: string, job: Job): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, [GENERATOR, JSON.stringify({ origin, ...job })], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as LoadResult;
}

/** Resident memory of a process and its children (cluster workers), in MiB. */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
      for (const child of readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // The process ended meanwhile.
    }
  };
  visit(pid);
  return Math.round(kib / 1024);
}

const rows: string[] = [];
/** Kept for the summary, and printed at once (a long run shows its figures as they come). */
const record = (...lines: string[]) => {
  rows.push(...lines);
  for (const line of lines) console.log(`[comments bench] ${line}`);
};
const load1 = () => loadavg()[0]!.toFixed(1);
const rate = (result: LoadResult) => Math.round(result.requests / result.seconds).toLocaleString('en');
const oks = (result: LoadResult) => Object.entries(result.statuses).map(([status, count]) => `${status}×${count}`).join(' ');

afterAll(() => {
  console.log(`\n[comments bench] summary (load average at each row)\n${rows.join('\n')}\n`);
});

const targets: { name: string; env: () => Promise<{ env: Record<string, string>; store: (dataDir: string) => CommentStore; dispose: () => Promise<void> }> }[] = [
  { name: 'sqlite', env: async () => ({ env: { DATABASE_URL: '' }, store: (dataDir) => new SqliteCommentStore(`${dataDir}/comments.db`), dispose: async () => {} }) },
];
if (postgresUrl) {
  targets.push({
    name: 'postgres',
    env: async () => {
      const database = await createTestDatabase();
      return { env: { DATABASE_URL: database.url }, store: () => new PostgresCommentStore(database.url, { maxConnections: 2 }), dispose: () => database.drop() };
    },
  });
} else {
  console.warn('\n!!! No TEST_DATABASE_URL: the PostgreSQL bench is skipped.\n');
}
const modes = [
  { name: '1 process', env: {} },
  { name: 'CLUSTER_WORKERS=2', env: { CLUSTER_WORKERS: '2' } },
];

for (const target of targets) {
  for (const mode of modes) {
    describe(`comments API on ${target.name}, ${mode.name}`, () => {
      test('list, counts and post under load, and memory', { timeout: 900_000 }, async () => {
        const prepared = await target.env();
        const server: RunningServer = await startServer({ env: { ...prepared.env, ...mode.env, TRUST_PROXY: '1', COMMENTS_MODERATION: 'none' } });
        try {
          const store = prepared.store(server.dataDir);
          await seed(store);
          await store.close();
          const label = `${target.name.padEnd(8)} ${mode.name.padEnd(17)}`;
          const pid = server.process.pid!;
          // One request wakes the services up (database, settings) before memory counts as idle.
          await fetch(`${server.url}/api/comments?page=${PAGE}`).then((response) => response.arrayBuffer());
          const idle = treeRssMiB(pid);
          let peak = idle;
          const sampler = setInterval(() => (peak = Math.max(peak, treeRssMiB(pid))), 100);
          const list = { method: 'GET', path: `/api/comments?page=${PAGE}` };
          await load(server.url, { total: scaled(2000), connections: 32, request: list });
          const listed = await load(server.url, { total: scaled(20_000), connections: 32, request: list });
          const listedBr = await load(server.url, { total: scaled(20_000), connections: 32, request: { ...list, headers: { 'accept-encoding': 'br, gzip' } } });
          const counts = { method: 'GET', path: `/api/comments/counts?pages=${encodeURIComponent(countedPages.join(','))}` };
          await load(server.url, { total: scaled(2000), connections: 32, request: counts });
          const counted = await load(server.url, { total: scaled(40_000), connections: 32, request: counts });
          const posted = await load(server.url, {
            total: scaled(3000),
            connections: 8,
            offset: 100_000,
            request: {
              method: 'POST',
              path: '/api/comments',
              headers: { 'content-type': 'application/json', 'x-forwarded-for': '{ip}' },
              body: JSON.stringify({ page: '/steps/casual-date/', text: 'Bench comment {n}' }),
            },
          });
          clearInterval(sampler);
          record(
            `${label} list 200 comments: ${rate(listed)} req/s p99 ${listed.p99.toFixed(1)} ms (${listed.bytesPerResponse} B, ${oks(listed)}); ` +
              `with br: ${rate(listedBr)} req/s p99 ${listedBr.p99.toFixed(1)} ms (${listedBr.bytesPerResponse} B) · load ${load1()}`,
            `${label} counts (${countedPages.length} pages): ${rate(counted)} req/s p99 ${counted.p99.toFixed(1)} ms (${oks(counted)}) · load ${load1()}`,
            `${label} post: ${rate(posted)} req/s p99 ${posted.p99.toFixed(1)} ms (${oks(posted)}) · load ${load1()}`,
            `${label} server RSS: idle ${idle} MiB, under load ${peak} MiB`,
          );
          for (const result of [listed, listedBr, counted]) expect(Object.keys(result.statuses)).toEqual(['200']);
          expect(Object.keys(posted.statuses)).toEqual(['201']);
        } finally {
          await server.stop();
          await prepared.dispose();
        }
      });
    });
  }
}

describe('compression over the real server', () => {
  test('a step page and an API answer are sent compressed', { timeout: 120_000 }, async () => {
    const server = await startServer();
    try {
      for (const path of [PAGE, `/api/comments?page=${PAGE}`, `/api/comments/counts?pages=${encodeURIComponent(countedPages.join(','))}`]) {
        const plain = Buffer.from(await (await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).length;
        // fetch() decodes what it receives, so node:http tells the bytes on the wire.
        const { stdout } = await run(process.execPath, [
          '-e',
          `require('node:http').get(${JSON.stringify(`${server.url}${path}`)}, { headers: { 'accept-encoding': 'br, gzip' } }, (r) => { let n = 0; r.on('data', (c) => (n += c.length)); r.on('end', () => console.log(JSON.stringify({ n, encoding: r.headers['content-encoding'] ?? 'none' }))); })`,
        ]);
        const sent = JSON.parse(stdout) as { n: number; encoding: string };
        record(`compression ${path.slice(0, 40).padEnd(40)} ${plain} B → ${sent.n} B on the wire (${sent.encoding})`);
      }
    } finally {
      await server.stop();
    }
  });
});
