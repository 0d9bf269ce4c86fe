import { describe, expect, it } from 'vitest';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { readFileSync } from 'node:fs';
import { astroInlineScripts, astroInlineStyles, withoutAstroInlineCode, withoutInlineScripts } from '../../src/security/inline-scripts';

const style = `<style>${ISLAND_STYLES}</style>`;

describe("Astro's inline island style", () => {
  it('leaves the page with its hash, and the empty style Astro allows, while the site stylesheet carries the rule', () => {
    const hashes = astroInlineStyles.map((item) => `'${item.hash}'`).join(' ');
    const page = `<html><head><meta http-equiv="content-security-policy" content="style-src 'self' ${hashes}"></head><body><section>${style}<astro-island></astro-island></section></body></html>`;
    expect(withoutInlineScripts(page, astroInlineStyles, 'style')).toBe(
      `<html><head><meta http-equiv="content-security-policy" content="style-src 'self'"></head><body><section><astro-island></astro-island></section></body></html>`,
    );
    const stylesheet = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    expect(stylesheet).toContain('astro-island, astro-slot, astro-static-slot { display: contents; }');
    expect(ISLAND_STYLES).toBe('astro-island,astro-slot,astro-static-slot{display:contents}');
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

describe('withoutAstroInlineCode (each prerendered page, src/middleware.ts)', () => {
  it("takes out Astro's island runtime, directives and island style with their hashes, and keeps the page's own", () => {
    const own = { text: 'theme()', hash: 'sha256-theme=' };
    const astro = [...astroInlineScripts, ...astroInlineStyles];
    const policy = (extra: string) => `<meta http-equiv="content-security-policy" content="script-src 'self' '${own.hash}'${extra}">`;
    const scripts = astroInlineScripts.map(({ text }) => `<script>${text}</script>`).join('');
    const page = `<html><head>${policy(astro.map(({ hash }) => ` '${hash}'`).join(''))}<script>${own.text}</script></head><body>${style}${scripts}<astro-island></astro-island></body></html>`;
    expect(withoutAstroInlineCode(page)).toBe(`<html><head>${policy('')}<script>${own.text}</script></head><body><astro-island></astro-island></body></html>`);
  });
});
