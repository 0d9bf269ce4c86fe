import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { precompressFiles } from '../../src/integrations/precompress';

const root = mkdtempSync(join(tmpdir(), 'bt-precompress-'));
const clientDir = join(root, 'client');
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('compressed copies beside a page a rebuild kept (src/integrations/precompress.ts)', () => {
  const page = join(clientDir, 'articles/tonight/index.html');
  mkdirSync(join(clientDir, 'articles/tonight'), { recursive: true });

  test('stay the same files when the page did not change, and follow it when it did', async () => {
    writeFileSync(page, `<p>${'The first version of a page. '.repeat(40)}</p>`);
    expect(await precompressFiles(clientDir, cacheDir)).toBe(2);
    const first = statSync(`${page}.br`).ino;
    expect(await precompressFiles(clientDir, cacheDir)).toBe(2);
    expect(statSync(`${page}.br`).ino).toBe(first);

    writeFileSync(page, `<p>${'The second version of a page. '.repeat(40)}</p>`);
    await precompressFiles(clientDir, cacheDir);
    expect(brotliDecompressSync(readFileSync(`${page}.br`)).toString('utf8')).toBe(readFileSync(page, 'utf8'));
  });

  test('go when the page is now too small to be worth compressing', async () => {
    writeFileSync(page, '<p>Short.</p>');
    expect(await precompressFiles(clientDir, cacheDir)).toBe(0);
    expect(existsSync(`${page}.br`)).toBe(false);
    expect(existsSync(`${page}.gz`)).toBe(false);
  });
});
