/** `npm run comments -- export | import`: backups and moves between SQLite and PostgreSQL, losing nothing. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from '../../src/server/client-id.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { ALWAYS, commentRecord, openPostgresStore, openSqliteStore, T0, type OpenedStore } from '../support/comments.ts';
import { postgresAvailable } from '../support/postgres.ts';

const root = resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on the store at `location` (a SQLite path or a PostgreSQL URL). */
function cli(args: string[], location: string, input = '', command: string[] = [process.execPath, 'scripts/comments.mjs']): Promise<Run> {
  const env = { ...process.env, ...(location.startsWith('postgres') ? { DATABASE_URL: location, COMMENTS_DB: '' } : { DATABASE_URL: '', COMMENTS_DB: location }) };
  return new Promise((done, fail) => {
    const child = spawn(command[0]!, [...command.slice(1), ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The backup without its header line (which names the source and the time of export). */
const items = (backup: string) => backup.trim().split('\n').slice(1);

async function seedVariety(store: CommentStore): Promise<void> {
  const top = commentRecord({ createdAt: T0, text: 'Top “quoted”\n\nsecond paragraph 🌱', name: 'Zoë' });
  await store.insert(top, ALWAYS);
  await store.insert(commentRecord({ createdAt: T0 + 1000, parentId: top.id, status: 'pending', editedAt: T0 + 2000 }), ALWAYS);
  await store.insert(commentRecord({ createdAt: T0 + 3000, status: 'rejected', page: '/articles/no-contact/' }), ALWAYS);
  await store.insert(commentRecord({ createdAt: T0 + 4000, status: 'deleted' }), ALWAYS);
  await store.report({ commentId: top.id, clientHash: 'd'.repeat(32), reason: 'needs a look', createdAt: T0 + 5000 }, ALWAYS);
}

const kinds: { name: string; open: () => Promise<OpenedStore> }[] = [{ name: 'sqlite', open: openSqliteStore }];
if (postgresAvailable()) kinds.push({ name: 'postgres', open: openPostgresStore });
const moves = kinds.flatMap((from) => kinds.map((to) => ({ from, to, label: `${from.name} → ${to.name}` })));

// Each case starts several Node processes: generous time, for a busy two-core machine.
describe('comments CLI', { timeout: 60_000 }, () => {
  const opened: OpenedStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.dispose()));
  });
  async function open(kind: { open: () => Promise<OpenedStore> }): Promise<OpenedStore> {
    const store = await kind.open();
    opened.push(store);
    return store;
  }

  it.each(moves)('moves everything $label: ids, times, statuses, replies and reports', async ({ from, to }) => {
    const source = await open(from);
    const target = await open(to);
    await seedVariety(source.store);
    const backup = await cli(['export'], source.location);
    expect(backup.code).toBe(0);
    expect(backup.stderr).toContain('exported 5 item(s)');
    expect(JSON.parse(backup.stdout.split('\n')[0]!)).toMatchObject({ type: 'meta', format: 'back-together-comments', version: 1 });

    const imported = await cli(['import'], target.location, backup.stdout);
    expect(imported.stderr).toContain('imported 5 item(s)');
    expect(imported.code).toBe(0);
    const again = await cli(['export'], target.location);
    expect(items(again.stdout)).toEqual(items(backup.stdout));

    const twice = await cli(['import'], target.location, backup.stdout);
    expect(twice.stderr).toContain('imported 0 item(s)');
    expect(twice.stderr).toContain('5 already there');
  });

  it('imports nothing from a damaged backup, and says which lines are wrong', async () => {
    const source = await open(kinds[0]!);
    const target = await open(kinds.at(-1)!);
    await seedVariety(source.store);
    const backup = (await cli(['export'], source.location)).stdout.trim().split('\n');
    backup.splice(2, 0, '{"type":"comment","id":"x"}');
    backup.push('not json at all');
    const result = await cli(['import'], target.location, backup.join('\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing imported; 2 bad line(s)');
    expect(result.stderr).toContain('line 3:');
    expect(result.stderr).toContain('line 8: not JSON');
    expect(items((await cli(['export'], target.location)).stdout)).toEqual([]);
  });

  it('works through npm run, and explains itself when asked wrongly', async () => {
    const source = await open(kinds[0]!);
    await seedVariety(source.store);
    const viaNpm = await cli(['run', '--silent', 'comments', '--', 'export'], source.location, '', ['npm']);
    expect(viaNpm.code).toBe(0);
    expect(items(viaNpm.stdout)).toHaveLength(5);
    const wrong = await cli(['restore'], source.location);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('usage: npm run comments -- export > backup.jsonl');
  });

  it('rotates the client-hash key beside the SQLite file, private to its owner, unless it comes from COMMENTS_SECRET', async () => {
    const source = await open(kinds[0]!);
    const dir = dirname(source.location);
    const before = loadOrCreateSecret(dir);
    const rotated = await cli(['rotate-secret'], source.location);
    expect(rotated.code).toBe(0);
    expect(rotated.stderr).toMatch(/Restart the server/);
    const after = readFileSync(join(dir, 'comments-secret'), 'utf8');
    expect(after).not.toBe(before);
    expect(after.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'comments-secret')).mode & 0o777).toBe(0o600);
    const fromEnv = spawnSync(process.execPath, ['scripts/comments.mjs', 'rotate-secret'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', COMMENTS_DB: source.location, COMMENTS_SECRET: 'x'.repeat(40) },
      encoding: 'utf8',
    });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toMatch(/COMMENTS_SECRET is set/);
    expect(readFileSync(join(dir, 'comments-secret'), 'utf8')).toBe(after);
  });
});
