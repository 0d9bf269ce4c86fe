/**
 * The code map (ARCHITECTURE.md) enforced: the arrows allowed between the folders of src/, the size of a file, and
 * the folders the map describes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeViolation, filesBelow, mapViolations, maxLinesPerFile } from '../support/code-map';
import { repoRoot } from '../support/paths';

const src = resolve(repoRoot, 'src');
const fixture = resolve(repoRoot, 'tests/fixtures/import-rules/src');

describe('the code map', () => {
  test('no import under src/ crosses an arrow the map forbids', () => {
    expect(mapViolations(src).map(describeViolation)).toEqual([]);
  });

  test('a planted bad import fails, naming the file and the line', () => {
    expect(mapViolations(fixture).map(describeViolation)).toEqual([
      "src/browser/planted.ts:4 imports '../islands/Widget': browser/ must not import from islands/",
      "src/lib/planted.ts:2 imports '../stores/count': lib/ must not import from stores/",
    ]);
  });

  test(`no file under src/ is over ${maxLinesPerFile} lines`, () => {
    const tooLong = filesBelow(src)
      .map((path) => ({ path: path.slice(src.length + 1), lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > maxLinesPerFile)
      .map(({ path, lines }) => `src/${path}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  test('ARCHITECTURE.md describes every folder of src/, and no folder that is gone', () => {
    const map = readFileSync(resolve(repoRoot, 'ARCHITECTURE.md'), 'utf8');
    const folders = readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.filter((folder) => !map.includes(`src/${folder}/`))).toEqual([]);
    const described = [...map.matchAll(/`src\/([a-z-]+)\/`/g)].map((match) => match[1]);
    expect(described.filter((folder) => !folders.includes(folder ?? ''))).toEqual([]);
  });

  test('the README links the map', () => {
    const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
    expect(readme.includes('](ARCHITECTURE.md)'), 'README.md has a link to ARCHITECTURE.md').toBe(true);
  });
});
