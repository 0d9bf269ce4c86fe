import { resolve } from 'node:path';

/** Repository root (tests run from it). */
export const repoRoot = resolve(import.meta.dirname, '../..');
/** Where the site is built: OUT_DIR lets parallel builds stay apart. */
export const outDir = resolve(repoRoot, process.env.OUT_DIR ?? 'dist');
export const clientDir = resolve(outDir, 'client');
export const serverEntry = resolve(outDir, 'server', 'entry.mjs');
