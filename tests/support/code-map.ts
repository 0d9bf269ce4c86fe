/**
 * The code map's rules, as data, and a reader that finds every import under a source folder. ARCHITECTURE.md
 * describes the same table in words; tests/unit/code-map.test.ts keeps the two and the code in step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** For each folder of src/, the folders of src/ it must never import from. */
export const forbiddenImports: Record<string, readonly string[] | 'all-others'> = {
  lib: 'all-others',
  stores: ['islands', 'browser', 'server', 'pages', 'components', 'layouts'],
  browser: ['islands', 'server', 'pages', 'components', 'layouts'],
  islands: ['server', 'pages', 'components', 'layouts'],
  server: ['islands', 'stores', 'browser', 'pages', 'components', 'layouts'],
  security: ['islands', 'stores', 'browser', 'server', 'pages'],
};

/** No source file may grow past this many lines: past it, a file holds more than one concern. */
export const maxLinesPerFile = 250;

const sourceFile = /\.(?:ts|tsx|mts|mjs|js|astro)$/;
// Static imports and re-exports (`… from 'x'`), side-effect imports (`import 'x'`) and dynamic or type-position
// imports (`import('x')`). The specifier's offset gives the line a violation is reported on.
const importPattern = /\bfrom\s*(['"])([^'"\n]+)\1|\bimport\s*(['"])([^'"\n]+)\3|\bimport\s*\(\s*(['"])([^'"\n]+)\5\s*\)/g;

export interface ImportSite {
  /** Path of the importing file, relative to the source root, with forward slashes. */
  file: string;
  line: number;
  specifier: string;
  /** The folder of the source root the import lands in, or undefined for packages and top-level files. */
  target: string | undefined;
}

export interface Violation extends ImportSite {
  from: string;
}

/** Every file below `dir` (recursively), as absolute paths. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : [path];
  });
}

/** The first folder of `path` below `root`, or undefined for a file directly in root or outside it. */
export function folderOf(root: string, path: string): string | undefined {
  const parts = relative(root, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** The line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

/** Every relative import in the source files below `root`. Package imports are not the map's business. */
export function importsBelow(root: string): ImportSite[] {
  const absoluteRoot = resolve(root);
  return filesBelow(absoluteRoot)
    .filter((path) => sourceFile.test(path))
    .flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const file = relative(absoluteRoot, path).split(sep).join('/');
      return [...text.matchAll(importPattern)].flatMap((match) => {
        const specifier = match[2] ?? match[4] ?? match[6] ?? '';
        if (!specifier.startsWith('.')) return [];
        const offset = (match.index ?? 0) + match[0].lastIndexOf(specifier);
        return [{ file, line: lineAt(text, offset), specifier, target: folderOf(absoluteRoot, resolve(dirname(path), specifier)) }];
      });
    });
}

/** The imports that cross an arrow the map forbids. */
export function mapViolations(root: string): Violation[] {
  const absoluteRoot = resolve(root);
  return importsBelow(absoluteRoot).flatMap((site) => {
    const from = folderOf(absoluteRoot, join(absoluteRoot, site.file));
    if (!from || !site.target || site.target === from) return [];
    const rule = forbiddenImports[from];
    const forbidden = rule === 'all-others' || (rule?.includes(site.target) ?? false);
    return forbidden ? [{ ...site, from }] : [];
  });
}

/** One line per violation, as a newcomer would want to read it in a failing test. */
export function describeViolation(violation: Violation): string {
  return `src/${violation.file}:${violation.line} imports '${violation.specifier}': ${violation.from}/ must not import from ${violation.target}/`;
}
