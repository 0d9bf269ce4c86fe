import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { emptyAllBut, readKeptList, removeOutput, routeOutputs } from '../../src/integrations/kept-pages';

const root = mkdtempSync(join(tmpdir(), 'bt-kept-pages-'));
const outDir = join(root, 'dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = ['client/index.html', 'client/articles/tonight/index.html', 'client/articles/tonight/index.html.br', 'client/og/articles/tonight.png', 'client/_astro/site.Abc.js', 'client/pagefind/fragment/a.pf_fragment', 'server/entry.mjs', '.git/HEAD'];

/** Every file under the output folder, relative, sorted. */
const present = (): string[] =>
  (readdirSync(outDir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(outDir.length + 1))
    .sort();

beforeEach(() => {
  rmSync(outDir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), file);
  }
});

describe('pages kept between builds (src/integrations/kept-pages.ts)', () => {
  test('emptying keeps only the listed files and .git, and drops the folders it empties', () => {
    emptyAllBut(outDir, new Set(['client/articles/tonight/index.html', 'client/og/articles/tonight.png']));
    expect(present()).toEqual(['.git/HEAD', 'client/articles/tonight/index.html', 'client/og/articles/tonight.png']);
    expect(existsSync(join(outDir, 'client/_astro'))).toBe(false);
    expect(existsSync(join(outDir, 'server'))).toBe(false);
  });

  test("a folder another step owns stays whole", () => {
    emptyAllBut(outDir, new Set(), ['client/pagefind']);
    expect(present()).toEqual(['.git/HEAD', 'client/pagefind/fragment/a.pf_fragment']);
  });

  test('with no list (a first build, or a cache deleted), emptying leaves only .git', () => {
    emptyAllBut(outDir, readKeptList(join(root, 'no-such-list.json')));
    expect(present()).toEqual(['.git/HEAD']);
  });

  test('a list that is not a list of paths counts as none', () => {
    const listFile = join(root, 'list.json');
    for (const text of ['{"a":1}', 'not json', '[1, "client/index.html", null]']) {
      writeFileSync(listFile, text);
      expect([...readKeptList(listFile)]).toEqual(text.startsWith('[') ? ['client/index.html'] : []);
    }
  });

  test('a page no route wrote leaves with its compressed copies and the folders they leave empty, and nothing above them', () => {
    removeOutput(outDir, 'client/articles/tonight/index.html');
    expect(existsSync(join(outDir, 'client/articles'))).toBe(false);
    expect(present()).toContain('client/index.html');
    removeOutput(outDir, 'client/og/articles/gone-already.png');
    expect(present()).toContain('client/og/articles/tonight.png');
  });

  test("the build's route outputs are listed relative to the output folder", () => {
    const assets = new Map([['/articles/[slug]', [pathToFileURL(join(outDir, 'client/articles/tonight/index.html'))]], ['/og/[...slug].png', [pathToFileURL(join(outDir, 'client/og/articles/tonight.png'))]]]);
    expect([...routeOutputs(`${outDir}/`, assets)].sort()).toEqual(['client/articles/tonight/index.html', 'client/og/articles/tonight.png']);
  });
});
