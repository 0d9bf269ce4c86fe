/**
 * Keeps the last search index in the cache folder under a hash of what it was made from (every built page, the
 * Pagefind version and the indexing code with its options), so a rebuild whose pages did not change links the kept
 * index into place instead of indexing again, or, when the output folder still holds that very index (a rebuild keeps
 * the folder: src/integrations/kept-pages.ts), leaves it as it is. Only the newest index is kept.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { linkTreeFromCache } from './after-build.ts';

/** Every .html file under a folder, in a stable order. */
function pageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of the pages under `clientDir` (paths and bytes) and of `fingerprint`. */
export function searchIndexKey(clientDir: string, fingerprint: string): string {
  const hash = createHash('sha256').update(fingerprint).update('\0');
  for (const file of pageFiles(clientDir)) hash.update(relative(clientDir, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

interface KeptIndex {
  pageCount: number;
}

/** In a kept index's folder: the output folder that holds that index whole, written once it does. */
const PLACED = 'placed-at';

/**
 * Forgets where any kept index was placed. Called before the output folder changes, so a build stopped half-way never
 * leaves a half-written folder taken for a whole index.
 */
export function forgetPlacedIndex(cacheDir: string): void {
  for (const kept of existsSync(cacheDir) ? readdirSync(cacheDir) : []) rmSync(join(cacheDir, kept, PLACED), { force: true });
}

/** Records that `outputPath` now holds the kept index for `key`, whole. */
export function markPlacedIndex(cacheDir: string, key: string, outputPath: string): void {
  writeFileSync(join(cacheDir, key, PLACED), outputPath);
}

/**
 * Puts the kept index for `key` at `outputPath` (hard links), unless it is there already; its page count, or undefined
 * when none is kept for it.
 */
export function restoreSearchIndex(cacheDir: string, key: string, outputPath: string): number | undefined {
  const kept = join(cacheDir, key);
  if (!existsSync(join(kept, 'index.json'))) return undefined;
  const { pageCount } = JSON.parse(readFileSync(join(kept, 'index.json'), 'utf8')) as KeptIndex;
  const placedAt = existsSync(join(kept, PLACED)) ? readFileSync(join(kept, PLACED), 'utf8') : '';
  if (placedAt === outputPath && existsSync(join(outputPath, 'pagefind-entry.json'))) return pageCount;
  forgetPlacedIndex(cacheDir);
  rmSync(outputPath, { recursive: true, force: true });
  // Linked, not copied: at 1,000 articles the index is 3,000 files.
  linkTreeFromCache(join(kept, 'bundle'), outputPath);
  markPlacedIndex(cacheDir, key, outputPath);
  return pageCount;
}

/** Keeps the index just written to `outputPath` as the only one in `cacheDir`. */
export function keepSearchIndex(cacheDir: string, key: string, outputPath: string, pageCount: number): void {
  // Built beside the others and renamed when complete, so a build stopped half-way never leaves half an index.
  const building = join(cacheDir, `${key}.${process.pid}.tmp`);
  rmSync(building, { recursive: true, force: true });
  cpSync(outputPath, join(building, 'bundle'), { recursive: true });
  writeFileSync(join(building, 'index.json'), JSON.stringify({ pageCount } satisfies KeptIndex));
  for (const old of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (!old.endsWith('.tmp')) rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  renameSync(building, join(cacheDir, key));
}
