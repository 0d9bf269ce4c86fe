import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { missingAssets } from '../../src/integrations/asset-check';

const clientDir = mkdtempSync(join(tmpdir(), 'bt-asset-check-'));
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(clientDir, path, '..'), { recursive: true });
  writeFileSync(join(clientDir, path), text);
}

describe('asset check', () => {
  write('_astro/site.Abc123.js', 'export {};');
  write('_astro/style.Def456.css', 'body{}');
  write('index.html', '<link rel="stylesheet" href="/_astro/style.Def456.css"><script type="module" src="/_astro/site.Abc123.js"></script>');

  test('a build whose pages name only files it has passes', () => {
    expect(missingAssets(clientDir)).toEqual([]);
  });

  test('runs after every build, before the steps that read the pages', async () => {
    const { default: config } = await import('../../astro.config.mjs');
    const names = (config.integrations ?? []).flat().map((integration) => (integration && 'name' in integration ? integration.name : ''));
    expect(names).toContain('back-together:asset-check');
    expect(names.indexOf('back-together:asset-check')).toBeLessThan(names.indexOf('back-together:offline'));
  });

  test('a page copied from an older build that names a script or style this build lacks is reported, page and file', () => {
    write('articles/tonight/index.html', '<link rel="stylesheet" href="/_astro/style.Old999.css"><script type="module" src="/_astro/site.Abc123.js"></script><astro-island component-url="/_astro/Quiz.Gone11.js"></astro-island>');
    expect(missingAssets(clientDir).sort()).toEqual(['articles/tonight/index.html → /_astro/Quiz.Gone11.js', 'articles/tonight/index.html → /_astro/style.Old999.css']);
  });
});
