import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { forgetPlacedIndex, keepSearchIndex, markPlacedIndex, restoreSearchIndex, searchIndexKey } from '../../src/integrations/search-index-cache';

const root = mkdtempSync(join(tmpdir(), 'bt-search-cache-'));
const clientDir = join(root, 'client');
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function page(path: string, html: string): void {
  mkdirSync(join(clientDir, path), { recursive: true });
  writeFileSync(join(clientDir, path, 'index.html'), html);
}

describe('the kept search index', () => {
  test('has a key that changes with any page, page path or indexing code, and nothing else', () => {
    page('a', '<h1>A</h1>');
    page('b', '<h1>B</h1>');
    const key = searchIndexKey(clientDir, 'code v1');
    writeFileSync(join(clientDir, 'style.css'), 'body{}');
    expect(searchIndexKey(clientDir, 'code v1'), 'a file that is not a page').toBe(key);
    expect(searchIndexKey(clientDir, 'code v2'), 'other indexing code or options').not.toBe(key);
    page('b', '<h1>B, edited</h1>');
    expect(searchIndexKey(clientDir, 'code v1'), 'an edited page').not.toBe(key);
    page('b', '<h1>B</h1>');
    expect(searchIndexKey(clientDir, 'code v1')).toBe(key);
    rmSync(join(clientDir, 'b'), { recursive: true });
    page('c', '<h1>B</h1>');
    expect(searchIndexKey(clientDir, 'code v1'), 'the same page under another path').not.toBe(key);
  });

  test('is copied back for the same key, only the newest is kept, and another key finds nothing', () => {
    const output = join(clientDir, 'pagefind');
    mkdirSync(join(output, 'fragment'), { recursive: true });
    writeFileSync(join(output, 'pagefind-entry.json'), '{"first":true}');
    writeFileSync(join(output, 'fragment', 'f1.pf_fragment'), 'one');
    keepSearchIndex(cacheDir, 'first', output, 2);
    writeFileSync(join(output, 'pagefind-entry.json'), '{"second":true}');
    keepSearchIndex(cacheDir, 'second', output, 3);
    expect(readdirSync(cacheDir)).toEqual(['second']);

    rmSync(output, { recursive: true });
    expect(restoreSearchIndex(cacheDir, 'first', output)).toBeUndefined();
    expect(restoreSearchIndex(cacheDir, 'second', output)).toBe(3);
    expect(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')).toBe('{"second":true}');
    expect(readFileSync(join(output, 'fragment', 'f1.pf_fragment'), 'utf8')).toBe('one');
  });

  test('is left as it is where it was placed whole, and put back once that is forgotten (before the folder changes)', () => {
    const output = join(clientDir, 'pagefind');
    rmSync(output, { recursive: true, force: true });
    expect(restoreSearchIndex(cacheDir, 'second', output)).toBe(3);
    // A file only the folder has shows whether the next restore replaced the folder.
    writeFileSync(join(output, 'marker'), 'kept');
    expect(restoreSearchIndex(cacheDir, 'second', output)).toBe(3);
    expect(readdirSync(output)).toContain('marker');

    forgetPlacedIndex(cacheDir);
    expect(restoreSearchIndex(cacheDir, 'second', output)).toBe(3);
    expect(readdirSync(output)).not.toContain('marker');

    // Placed elsewhere, or its folder gone: put back.
    markPlacedIndex(cacheDir, 'second', join(clientDir, 'elsewhere'));
    writeFileSync(join(output, 'marker'), 'kept');
    expect(restoreSearchIndex(cacheDir, 'second', output)).toBe(3);
    expect(readdirSync(output)).not.toContain('marker');
    rmSync(output, { recursive: true });
    expect(restoreSearchIndex(cacheDir, 'second', output)).toBe(3);
    expect(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')).toBe('{"second":true}');
  });
});
