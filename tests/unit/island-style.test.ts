import { describe, expect, it } from 'vitest';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { islandStyleInHead } from '../../src/lib/island-style';

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
