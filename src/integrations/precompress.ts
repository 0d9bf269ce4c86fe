/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the built client folder, so the Node
 * server (src/server/entry/static-delivery.mjs) sends compressed bytes without compressing on each request, and
 * static hosts that look for such copies can too. Runs last, after every other integration has written its files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { afterBuild, builtFiles, linkFromCache } from './after-build.ts';

/**
 * Formats worth compressing; images and fonts are compressed already. Pagefind's data files (the search engine and
 * its index) are stored plain by src/integrations/search-bundle.ts so that they are compressed here.
 */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.ics', '.wasm', '.pagefind', '.pf_meta', '.pf_index', '.pf_filter', '.pf_fragment']);
/** Below this, a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512;
/**
 * Brotli's best quality (11) costs about 40× the time of quality 5 for 10% fewer bytes: worth it for scripts and
 * styles, which are small and shared, but at a thousand pages it would double a cold build. Pages above this size
 * get quality 5, still smaller than gzip at its best.
 */
const BEST_QUALITY_MAX_BYTES = 16 * 1024;
/** Shared code gets the best quality whatever its size: it is the same build after build (cached), and on every page. */
const ALWAYS_BEST = new Set(['.js', '.mjs', '.css', '.wasm', '.pagefind']);
/**
 * So do the nine step pages (the guide itself: the most read pages, and the heaviest): a step is 7.5 KB on the wire
 * instead of 8.5 at quality 5, for about 40 ms each on a cold build.
 */
const isStepPage = (pathInClient: string) => /^steps\/[^/]+\/index\.html$/.test(pathInClient.split(sep).join('/'));
/**
 * The search index's fragments (one a page, about 6 KB before compression) are what a search downloads for each result
 * it shows. Measured on this site's fragments: quality 11 gives 2,147 bytes in 6.4 ms each, 10 gives 2,240 bytes in
 * 2.7 ms, 5 gives 2,500 bytes in 1.1 ms. Quality 10 keeps a first search (five results) within 0.5 KB of the best
 * for less than half the build time (a thousand of them: 2.7 s of a cold build instead of 6.4; cached afterwards).
 */
const FRAGMENT_QUALITY = 10;
const PAGE_QUALITY = 5;

/**
 * Brotli's window, as small as the file allows (between its limits of 2^10 and 2^24 bytes): at quality 5 brotli
 * spent most of its time on a file of a few KB clearing a window sized for 4 MB, ten times as long as compressing.
 */
const windowBits = (bytes: number) => Math.min(24, Math.max(10, Math.ceil(Math.log2(bytes + 1))));

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The brotli and gzip forms of some bytes, kept in `cacheDir` by a hash of them: the paths of the kept files. */
async function compressed(source: Buffer, extension: string, cacheDir: string, alwaysBest: boolean): Promise<[br: string, gz: string]> {
  const best = alwaysBest || source.length <= BEST_QUALITY_MAX_BYTES || ALWAYS_BEST.has(extension);
  const quality = extension === '.pf_fragment' ? FRAGMENT_QUALITY : best ? constants.BROTLI_MAX_QUALITY : PAGE_QUALITY;
  const lgwin = windowBits(source.length);
  // The settings are part of the key, so changing them never reuses copies made with the old ones.
  const key = join(cacheDir, createHash('sha256').update(`br${quality}w${lgwin}-gz${constants.Z_BEST_COMPRESSION}\0`).update(source).digest('hex').slice(0, 40));
  if (existsSync(`${key}.br`) && existsSync(`${key}.gz`)) return [`${key}.br`, `${key}.gz`];
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_LGWIN]: lgwin,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename: a build stopped half-way never leaves a truncated copy to be reused.
  for (const [suffix, copy] of [['.br', br], ['.gz', gz]] as const) {
    writeFileSync(`${key}${suffix}.${process.pid}.tmp`, copy);
    renameSync(`${key}${suffix}.${process.pid}.tmp`, `${key}${suffix}`);
  }
  return [`${key}.br`, `${key}.gz`];
}

/**
 * Writes the compressed copies of one file; a copy that would not be smaller is not written, and one beside a page a
 * rebuild kept (src/integrations/kept-pages.ts) is replaced, or removed when the page now gets none.
 */
async function compressFile(file: string, clientDir: string, cacheDir: string): Promise<number> {
  const source = readFileSync(file);
  const copies = source.length < MIN_BYTES ? [] : await compressed(source, extname(file).toLowerCase(), cacheDir, isStepPage(relative(clientDir, file)));
  let written = 0;
  for (const [index, suffix] of (['.br', '.gz'] as const).entries()) {
    const copy = copies[index];
    if (copy !== undefined && statSync(copy).size < source.length) {
      // Linked from the cache: a rebuild would otherwise write thousands of new files with the same bytes.
      linkFromCache(copy, file + suffix);
      written += 1;
    } else {
      rmSync(file + suffix, { force: true });
    }
  }
  return written;
}

/**
 * Compresses every compressible file under `clientDir`, a few at a time (zlib works on its own threads); files
 * whose bytes an earlier build compressed come from `cacheDir`.
 */
export async function precompressFiles(clientDir: string, cacheDir: string): Promise<number> {
  const queue = builtFiles(clientDir, COMPRESSIBLE);
  let written = 0;
  const worker = async () => {
    for (let file = queue.pop(); file; file = queue.pop()) {
      const copies = await compressFile(file, clientDir, cacheDir);
      written += copies;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return written;
}

export default function precompress(): AstroIntegration {
  return afterBuild('precompress', async ({ clientDir, cacheDir }, { logger }) => {
    const started = performance.now();
    const written = await precompressFiles(clientDir, join(cacheDir, 'compressed'));
    logger.info(`${written} compressed copies (brotli, gzip) in ${Math.round(performance.now() - started)} ms`);
  });
}
