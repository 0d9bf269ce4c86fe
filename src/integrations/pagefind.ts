import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { afterBuild } from './after-build.ts';
import { forgetPlacedIndex, keepSearchIndex, markPlacedIndex, restoreSearchIndex, searchIndexKey } from './search-index-cache.ts';
import { tuneSearchBundle } from './search-bundle.ts';

/** Pagefind's bundled UIs: the site builds its own search on the JS API, so these never ship. */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
];

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Indexes the built HTML in `clientDir` and writes the bundle to `clientDir/pagefind/`. */
export async function buildSearchIndex(clientDir: string): Promise<{ pageCount: number; outputPath: string }> {
  const outputPath = join(clientDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: clientDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${clientDir}: ${added.errors.join('; ')}`);
    // Only pages with data-pagefind-body are indexed; none at all means the layout lost its marker.
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${clientDir}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    for (const file of unusedBundleFiles) rmSync(join(outputPath, file), { force: true });
    tuneSearchBundle(outputPath);
    return { pageCount: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** The code that decides what the index holds: a change to any of it indexes anew. */
const indexingCode = ['./pagefind.ts', './search-bundle.ts', '../lib/search-index-chunks.ts', '../lib/cbor.ts'];

/**
 * The search index of `clientDir`, copied from `cacheDir` when an earlier build indexed the same pages with the same
 * code (this file, options included) and packages (the lockfile); else indexed anew and kept there.
 */
async function cachedSearchIndex(clientDir: string, cacheDir: string, lockfile: string): Promise<{ pageCount: number; reused: boolean }> {
  const code = indexingCode.map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'));
  const fingerprint = [...code, existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : ''].join('\0');
  const key = searchIndexKey(clientDir, fingerprint);
  const outputPath = join(clientDir, 'pagefind');
  const kept = restoreSearchIndex(cacheDir, key, outputPath);
  if (kept !== undefined) return { pageCount: kept, reused: true };
  // Indexed into an empty folder: a rebuild keeps the last index's folder, whose files this index may not replace.
  forgetPlacedIndex(cacheDir);
  rmSync(outputPath, { recursive: true, force: true });
  const { pageCount } = await buildSearchIndex(clientDir);
  keepSearchIndex(cacheDir, key, outputPath, pageCount);
  markPlacedIndex(cacheDir, key, outputPath);
  return { pageCount, reused: false };
}

/**
 * Search for `astro build` and `astro dev`. After a build, Pagefind indexes the client output
 * (dist/client with the Node adapter), so one `npm run build` makes pages and index. In dev there
 * is no index of the live pages; /pagefind/ is served from the last build when there is one, and
 * the search UI says to run `npm run build` when there is not.
 */
export default function pagefindIntegration(): AstroIntegration {
  return afterBuild(
    'pagefind',
    async ({ clientDir, cacheDir, root }, { logger, dir }) => {
      // With the Node adapter `dir` is dist/client; fall back to it for adapters that say otherwise.
      const builtDir = existsSync(join(fileURLToPath(dir), 'index.html')) ? fileURLToPath(dir) : clientDir;
      const started = performance.now();
      const { pageCount, reused } = await cachedSearchIndex(builtDir, join(cacheDir, 'search-index'), join(root, 'package-lock.json'));
      const how = reused ? 'Reused the search index of' : 'Indexed';
      logger.info(`${how} ${pageCount} pages for search in ${Math.round(performance.now() - started)} ms.`);
    },
    (site) => ({
      'astro:server:setup': ({ server, logger }) => {
        const bundleDir = join(site.clientDir, 'pagefind');
        if (!existsSync(bundleDir)) logger.warn('No search index yet: search works in dev after `npm run build`.');
        server.middlewares.use('/pagefind', (request, response, next) => {
          const file = normalize(join(bundleDir, decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/')));
          if (!file.startsWith(bundleDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream');
          response.setHeader('Cache-Control', 'no-cache');
          createReadStream(file).pipe(response);
        });
      },
    }),
  );
}
