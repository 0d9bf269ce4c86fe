import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { siteName } from '../lib/head';
import { previewImageSize, type PreviewCard } from '../lib/share';
import type { PreviewImageJob } from './og-image';

/**
 * Preview images for a build: each one is kept in the cache folder under a hash of everything it shows (and of the
 * renderer and its packages), so a rebuild renders only cards that changed; the rest render in worker threads.
 * astro.config.mjs says where the worker and the cache are, since the bundled build cannot find its own sources.
 */
function buildPaths(): { worker: string; cacheDir: string } {
  const worker = process.env.PREVIEW_IMAGE_WORKER;
  const cacheDir = process.env.PREVIEW_IMAGE_CACHE_DIR;
  if (!worker || !cacheDir) throw new Error('PREVIEW_IMAGE_WORKER and PREVIEW_IMAGE_CACHE_DIR are set by astro.config.mjs; build with `astro build`.');
  return { worker, cacheDir };
}

/** A hash of the renderer's source and of the packages that draw, so a new design or font never reuses old images. */
let rendererFingerprint: string | undefined;
function fingerprintRenderer(worker: string): string {
  const require = createRequire(worker);
  const versions = ['satori', '@resvg/resvg-js', '@fontsource/atkinson-hyperlegible'].map(
    (name) => `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`,
  );
  // Every source file of this folder, so a new file the renderer imports (its PNG encoder, say) counts without a list.
  const folder = dirname(worker);
  const sources = readdirSync(folder).filter((name) => name.endsWith('.ts')).sort().map((name) => `${name}\n${readFileSync(join(folder, name), 'utf8')}`);
  return [...sources, ...versions].join('\n');
}

/** The cache key of one image. */
export function previewImageKey(job: PreviewImageJob, renderer: string): string {
  return createHash('sha256').update(renderer).update('\0').update(JSON.stringify(job)).digest('hex').slice(0, 32);
}

interface Pending {
  resolve: (png: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

/**
 * A small pool of render workers, one image each at a time: the queue stays here, so a thousand cards asked for at
 * once never sit in a worker's memory together. A worker is referenced only while it draws, so it never holds the
 * build open. Once the queue has been empty for a moment the workers stop, so the memory of their renderers (about
 * 100 MB each) is free for the steps after the pages (the search index, compressed copies).
 */
class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { job: PreviewImageJob; waiting: Pending }[] = [];
  private readonly drawing = new Map<Worker, Pending>();
  private closing: NodeJS.Timeout | undefined;
  private workerCount = 0;

  constructor(private readonly workerPath: string, size: number, private readonly onClose: () => void) {
    this.grow(size);
  }

  /** Adds workers up to `size`; each new one takes the next card in the queue. */
  grow(size: number): void {
    for (; this.workerCount < size; this.workerCount += 1) {
      const worker = new Worker(this.workerPath);
      worker.unref();
      worker.on('message', (message: { png?: Uint8Array<ArrayBuffer>; error?: string }) => {
        const waiting = this.drawing.get(worker);
        this.drawing.delete(worker);
        if (message.png) waiting?.resolve(new Uint8Array(message.png));
        else waiting?.reject(new Error(`Preview image failed to render: ${message.error}`));
        this.release(worker);
      });
      worker.on('error', (error) => {
        this.drawing.get(worker)?.reject(error);
        this.drawing.delete(worker);
        for (const { waiting } of this.queue.splice(0)) waiting.reject(error);
      });
      this.release(worker);
    }
  }

  render(job: PreviewImageJob): Promise<Uint8Array<ArrayBuffer>> {
    clearTimeout(this.closing);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, waiting: { resolve, reject } });
      const worker = this.idle.pop();
      if (worker) this.release(worker);
    });
  }

  /** Gives a free worker the next card, or lets it rest. */
  private release(worker: Worker): void {
    const next = this.queue.shift();
    if (!next) {
      worker.unref();
      this.idle.push(worker);
      if (this.drawing.size === 0) {
        clearTimeout(this.closing);
        this.closing = setTimeout(() => this.close(), POOL_IDLE_MS).unref();
      }
      return;
    }
    worker.ref();
    this.drawing.set(worker, next.waiting);
    worker.postMessage({ id: 0, job: next.job });
  }

  /** Stops the idle workers; the next image starts a new pool. */
  private close(): void {
    if (this.drawing.size > 0 || this.queue.length > 0) return;
    this.onClose();
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }
}

/** How long an idle pool waits for more images before its workers stop. */
const POOL_IDLE_MS = 1000;

let pool: RenderPool | undefined;
/** Images being drawn, by cache file: a card asked for twice (or prepared, then asked for) is drawn once. */
const drawing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** Where a card's image is kept, and what the worker needs to draw it. */
function locate(card: PreviewCard): { cached: string; job: PreviewImageJob; worker: string; cacheDir: string } {
  const { worker, cacheDir } = buildPaths();
  const job: PreviewImageJob = { card, siteName, size: { ...previewImageSize } };
  const cached = join(cacheDir, `${previewImageKey(job, (rendererFingerprint ??= fingerprintRenderer(worker)))}.png`);
  return { cached, job, worker, cacheDir };
}

/** The cache key of a card's image (everything it shows, the renderer's code and packages), as the image route's cacheKey. */
export function previewImageCacheKey(card: PreviewCard): string {
  return basename(locate(card).cached, '.png');
}

/** Draws an image in a worker and keeps it in the cache folder; forgotten once done (the cache holds it then). */
function draw({ cached, job, worker, cacheDir }: ReturnType<typeof locate>): Promise<Uint8Array<ArrayBuffer>> {
  let png = drawing.get(cached);
  if (png) return png;
  // resvg brings its own allocator (mimalloc), which reads its options from the environment when a worker first loads
  // resvg. By default it got fresh 4 KB pages from the system and zeroed them for every image: most of a card's
  // drawing time (about 20 of 23 ms). With large pages kept for a second between images, drawing takes 2 to 15 ms.
  // Set, not defaulted: the build runs with MIMALLOC_PURGE_DELAY=0 for the bundler (scripts/build-env.mjs), whose own
  // copy of mimalloc read it long before (it reads each option once, on first use), and which is done by now.
  process.env['MIMALLOC_ALLOW_LARGE_OS_PAGES'] = '1';
  process.env['MIMALLOC_PURGE_DELAY'] = '1000';
  // One core is left to the pages, which render meanwhile (previewImagePng adds a worker once they are done).
  pool ??= new RenderPool(worker, Math.max(1, availableParallelism() - 1), () => (pool = undefined));
  png = pool.render(job).then((drawn) => {
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a build stopped half-way never leaves a truncated image to be reused.
    writeFileSync(`${cached}.${process.pid}.tmp`, drawn);
    renameSync(`${cached}.${process.pid}.tmp`, cached);
    return drawn;
  });
  drawing.set(cached, png);
  void png.finally(() => drawing.delete(cached)).catch(() => undefined);
  return png;
}

/** The PNG of a preview card: from the cache when the same card was drawn before, else rendered off the main thread. */
export async function previewImagePng(card: PreviewCard): Promise<Uint8Array<ArrayBuffer>> {
  const image = locate(card);
  const pending = drawing.get(image.cached);
  if (pending) {
    // The build waits for an image: the pages are rendered (their routes come first), so the core that rendered them
    // is free to draw too. At 1,000 articles on two cores the pages wait for about 800 images. A second worker from the
    // start finished no sooner (it slowed the pages down) and added 270 MB to the build's peak; from here on, the cold
    // build took 32.0–33.4 s instead of 35.3–39.3, with a peak of 1.23–1.24 GB instead of 1.11–1.13.
    pool?.grow(availableParallelism());
    return pending;
  }
  try {
    return new Uint8Array(readFileSync(image.cached));
  } catch {
    return draw(image);
  }
}

/**
 * Starts drawing every card that is not in the cache yet, so the workers draw while the build renders the pages
 * (Astro renders one route at a time, and would otherwise wait for each image in turn). A failure surfaces when
 * the image's own route asks for it.
 */
export function preparePreviewImages(cards: readonly PreviewCard[]): void {
  for (const card of cards) {
    const image = locate(card);
    if (!existsSync(image.cached)) draw(image).catch(() => undefined);
  }
}
