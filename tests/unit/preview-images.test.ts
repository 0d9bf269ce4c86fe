import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { preparePreviewImages, previewImagePng } from '../../src/preview-images/preview-images';

const cacheDir = mkdtempSync(join(tmpdir(), 'bt-preview-cache-'));
const pngSignature = [0x89, 0x50, 0x4e, 0x47];

beforeAll(() => {
  process.env.PREVIEW_IMAGE_WORKER = resolve('src/preview-images/preview-image-worker.ts');
  process.env.PREVIEW_IMAGE_CACHE_DIR = cacheDir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// Each worker thread loads satori and a font under Node's TypeScript loader: seconds on a busy machine.
describe('preview images', { timeout: 60_000 }, () => {
  test('are rendered in a worker thread and kept in the cache folder', async () => {
    const png = await previewImagePng({ eyebrow: 'Step 3 of 9', title: 'Take time apart first' });
    expect([...png.slice(0, 4)]).toEqual(pngSignature);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.png'))).toHaveLength(1);
  });

  test('the same card comes from the cache, not from the renderer', async () => {
    const [cached] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, cached!), 'from the cache');
    const png = await previewImagePng({ eyebrow: 'Step 3 of 9', title: 'Take time apart first' });
    expect(Buffer.from(png).toString()).toBe('from the cache');
  });

  test('a different card is drawn anew, and renders in parallel without mixing answers up', async () => {
    const cards = ['One', 'Two', 'Three'].map((title) => ({ title }));
    const pngs = await Promise.all(cards.map((card) => previewImagePng(card)));
    for (const png of pngs) expect([...png.slice(0, 4)]).toEqual(pngSignature);
    expect(new Set(pngs.map((png) => Buffer.from(png).toString('base64'))).size).toBe(3);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.png'))).toHaveLength(4);
  });

  test('prepared cards are drawn ahead, once each, and then read like any other', async () => {
    const pngFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.png'));
    const before = pngFiles().length;
    const cards = [{ title: 'Prepared one' }, { title: 'Prepared two' }, { title: 'Prepared one' }];
    preparePreviewImages(cards);
    const pngs = await Promise.all(cards.map((card) => previewImagePng(card)));
    expect(pngFiles()).toHaveLength(before + 2);
    expect(Buffer.from(pngs[2]!).equals(Buffer.from(pngs[0]!))).toBe(true);
    for (const png of pngs) expect([...png.slice(0, 4)]).toEqual(pngSignature);
  });
});

