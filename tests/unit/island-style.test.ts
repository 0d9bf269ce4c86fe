import { describe, expect, it } from 'vitest';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { islandStyleInHead } from '../../src/lib/island-style';
import { withoutInlineScripts } from '../../src/security/inline-scripts';

const style = `<style>${ISLAND_STYLES}</style>`;

describe('islandStyleInHead', () => {
  it('moves the island style from the body to the end of <head>, leaving the scripts where they were', () => {
    const page = `<html><head><title>t</title></head><body><section>${style}<script>load()</script><astro-island></astro-island></section></body></html>`;
    expect(islandStyleInHead(page)).toBe(
      `<html><head><title>t</title>${style}</head><body><section><script>load()</script><astro-island></astro-island></section></body></html>`,
    );
  });

  it('leaves a page without islands, or with the style already in <head>, as it is', () => {
    const plain = '<html><head></head><body><p>text</p></body></html>';
    expect(islandStyleInHead(plain)).toBe(plain);
    const moved = `<html><head>${style}</head><body></body></html>`;
    expect(islandStyleInHead(moved)).toBe(moved);
  });
});

describe('withoutInlineScripts', () => {
  it('takes the given inline scripts out of the page and their hashes out of its policy, and nothing else', () => {
    const runtime = { text: 'runtime()', hash: 'sha256-runtime=' } as const;
    const page = `<html><head><meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-runtime=' 'sha256-theme='"><script>theme()</script></head><body><script>runtime()</script><astro-island></astro-island></body></html>`;
    expect(withoutInlineScripts(page, [runtime])).toBe(
      `<html><head><meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-theme='"><script>theme()</script></head><body><astro-island></astro-island></body></html>`,
    );
  });
});
