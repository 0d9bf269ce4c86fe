import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { storeModuleReadingFile } from '../../src/integrations/server-content';

const folder = mkdtempSync(join(tmpdir(), 'bt-server-content-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the module prerendering gets for the store at `storeFile`, and loads it as the build would. */
async function loadStoreModule(storeFile: string, name: string): Promise<unknown> {
  const modulePath = join(folder, `${name}.mjs`);
  writeFileSync(modulePath, storeModuleReadingFile(storeFile));
  return ((await import(pathToFileURL(modulePath).href)) as { default: unknown }).default;
}

describe("prerendering's content store (src/integrations/server-content.ts)", () => {
  test('is the data of the store file Astro wrote, read when the module loads', async () => {
    // The shape of Astro's data-store.json: collections and their entries, serialised as JSON.
    const stored = [['articles', [['tonight', { id: 'tonight', data: { title: 'Tonight' }, rendered: { html: '<p>Quiet</p>' } }]]]];
    const storeFile = join(folder, 'data-store.json');
    writeFileSync(storeFile, JSON.stringify(stored));
    expect(await loadStoreModule(storeFile, 'with-store')).toEqual(stored);
  });

  test('is an empty store when the build wrote none (a site without collections), as with Astro', async () => {
    expect(await loadStoreModule(join(folder, 'absent', 'data-store.json'), 'without-store')).toEqual(new Map());
  });
});
