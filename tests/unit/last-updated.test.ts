import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lastUpdated } from '../../src/git-dates/last-updated';

const folder = mkdtempSync(join(tmpdir(), 'bt-last-updated-'));
const git = (args: string[], date?: string) =>
  execFileSync('git', ['-C', folder, ...args], {
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', ...(date && { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }) },
  });

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('lastUpdated', () => {
  git(['init', '-q']);
  writeFileSync(join(folder, 'first.mdx'), 'one');
  writeFileSync(join(folder, 'second.mdx'), 'two');
  writeFileSync(join(folder, 'moved.mdx'), 'three');
  writeFileSync(join(folder, 'reworded.mdx'), 'four');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'both'], '2026-01-05T10:00:00Z');
  writeFileSync(join(folder, 'second.mdx'), 'two, changed');
  git(['commit', '-q', '-am', 'second again'], '2026-03-07T12:00:00Z');
  git(['mv', 'moved.mdx', 'moved.md']);
  git(['commit', '-q', '-m', 'renamed, not changed'], '2026-04-01T09:00:00Z');
  git(['mv', 'reworded.mdx', 'reworded.md']);
  writeFileSync(join(folder, 'reworded.md'), 'four, reworded while it moved');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'renamed and changed'], '2026-04-02T09:00:00Z');
  writeFileSync(join(folder, 'draft.mdx'), 'not committed');
  utimesSync(join(folder, 'draft.mdx'), new Date('2026-05-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'));

  test('a committed file gets its newest commit date, read from one pass over the history', () => {
    expect(lastUpdated('first.mdx', folder).toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(lastUpdated('second.mdx', folder).toISOString()).toBe('2026-03-07T12:00:00.000Z');
  });

  test('a file renamed without a change keeps the date of its last change; a change made while renaming counts', () => {
    expect(lastUpdated('moved.md', folder).toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(lastUpdated('reworded.md', folder).toISOString()).toBe('2026-04-02T09:00:00.000Z');
  });

  test('a file git has never seen falls back to its modification time', () => {
    expect(lastUpdated(join(folder, 'draft.mdx'), folder).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  test('outside a git repository every file falls back to its modification time', () => {
    const plain = mkdtempSync(join(tmpdir(), 'bt-no-git-'));
    writeFileSync(join(plain, 'page.mdx'), 'x');
    utimesSync(join(plain, 'page.mdx'), new Date('2025-02-02T00:00:00Z'), new Date('2025-02-02T00:00:00Z'));
    expect(lastUpdated('page.mdx', plain).toISOString()).toBe('2025-02-02T00:00:00.000Z');
    rmSync(plain, { recursive: true, force: true });
  });
});
