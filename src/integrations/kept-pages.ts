/**
 * A rebuild leaves the last build's pages where they are. Astro empties the output folder before each build, and its
 * incremental build then copies every unchanged page back from its cache, one file after another: at 1,000 articles,
 * 2,119 files and about 2 s of a rebuild that changed nothing, on top of deleting them. With `emptyOutDir: false`,
 * Astro keeps a page it would have copied back when the file is already in place, and renders any other over its
 * file. So this integration empties the folder itself, except for the files the last build's routes wrote (listed in
 * the cache folder) and their compressed copies (the compression step replaces or removes those), and once the build
 * is done removes those no route wrote this time (a deleted article, say). The search index's folder is left to the
 * search step, which keeps it when it holds the index of these very pages (src/integrations/search-index-cache.ts).
 * Everything else (scripts, the server) is written afresh, as before.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** `file`'s path in the output folder, with `/` (the form the list and the owned folders are written in). */
const outputPathOf = (outDir: string, file: string) => relative(outDir, file).split(sep).join('/');

/** The files the last build's routes wrote, relative to the output folder; none when there is no readable list. */
export function readKeptList(listFile: string): Set<string> {
  try {
    const list: unknown = JSON.parse(readFileSync(listFile, 'utf8'));
    return new Set(Array.isArray(list) ? list.filter((path): path is string => typeof path === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Deletes every file under `outDir` whose path (relative, with `/`) is not in `kept`, and the folders left empty;
 * `.git` and the `ownedFolders` stay whole, as Astro's own emptying keeps `.git`.
 */
export function emptyAllBut(outDir: string, kept: ReadonlySet<string>, ownedFolders: readonly string[] = []): void {
  if (!existsSync(outDir)) return;
  const untouched = new Set(['.git', ...ownedFolders]);
  const visit = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = outputPathOf(outDir, full);
      if (untouched.has(path)) {
        empty = false;
      } else if (entry.isDirectory()) {
        if (visit(full)) rmSync(full, { recursive: true, force: true });
        else empty = false;
      } else if (kept.has(path)) {
        empty = false;
      } else {
        rmSync(full, { force: true });
      }
    }
    return empty;
  };
  visit(outDir);
}

/** A route's output file and its compressed copies (src/integrations/precompress.ts). */
export const withCopies = (path: string): string[] => [path, `${path}.br`, `${path}.gz`];

/** Deletes a file of the output folder with its compressed copies, and the folders they leave empty up to `outDir`. */
export function removeOutput(outDir: string, path: string): void {
  let target = join(outDir, path);
  for (const file of withCopies(target)) rmSync(file, { force: true });
  for (target = dirname(target); target.length > outDir.length && target.startsWith(outDir); target = dirname(target)) {
    try {
      rmdirSync(target);
    } catch {
      return; // Not empty (or gone already): the folders above are not empty either.
    }
  }
}

/** The files this build's routes wrote (Astro's `assets` at build:done), relative to `outDir`, with `/`. */
export function routeOutputs(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  return new Set([...assets.values()].flat().map((url) => outputPathOf(outDir, fileURLToPath(url))));
}

interface Options {
  /** Folders of the output (relative, with `/`) that a build-done step replaces whole or keeps, by its own check. */
  ownedFolders?: readonly string[];
}

export default function keptPages({ ownedFolders = [] }: Options = {}): AstroIntegration {
  let outDir = '';
  let listFile = '';
  let kept = new Set<string>();
  return {
    name: 'back-together:kept-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        listFile = join(fileURLToPath(config.cacheDir), 'route-outputs.json');
      },
      'astro:build:start': () => {
        kept = readKeptList(listFile);
        emptyAllBut(outDir, new Set([...kept].flatMap(withCopies)), ownedFolders);
      },
      // First of the build-done steps (astro.config.mjs), so none of them sees a page this build did not make.
      'astro:build:done': ({ assets }) => {
        const written = routeOutputs(outDir, assets);
        for (const path of kept) if (!written.has(path)) removeOutput(outDir, path);
        mkdirSync(dirname(listFile), { recursive: true });
        writeFileSync(listFile, JSON.stringify([...written].sort()));
      },
    },
  };
}
