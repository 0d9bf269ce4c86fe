import { parentPort } from 'node:worker_threads';
import { renderPreviewPng, type PreviewImageJob } from './og-image.ts';

// A worker thread that renders preview images, so the build's main thread keeps rendering pages meanwhile.
// Loaded by Node directly (its built-in TypeScript support), hence the explicit `.ts` import above.
parentPort?.on('message', async ({ id, job }: { id: number; job: PreviewImageJob }) => {
  try {
    const png = await renderPreviewPng(job);
    parentPort?.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
