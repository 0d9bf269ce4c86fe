import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientDir, outDir } from '../support/paths';

/** Every module of the on-demand server's build, with its text. */
const serverModules = (readdirSync(join(outDir, 'server'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((path) => path.endsWith('.mjs'))
  .map((path) => ({ path, text: readFileSync(join(outDir, 'server', path), 'utf8') }));

// A sentence of an article's own text, from its page (so the check below cannot pass on a phrase that is nowhere).
const articleSentence = 'The house is quiet, your phone is in your hand';

describe("the on-demand server's build (src/integrations/server-content.ts)", () => {
  it('carries no content: the pages that take comments come from known-pages.json', () => {
    expect(readFileSync(join(clientDir, 'articles/tonight/index.html'), 'utf8')).toContain(articleSentence);
    expect(serverModules.length).toBeGreaterThan(5);
    expect(serverModules.filter(({ text }) => text.includes(articleSentence)).map(({ path }) => path)).toEqual([]);
    const knownPages = JSON.parse(readFileSync(join(outDir, 'server/known-pages.json'), 'utf8')) as Record<string, string>;
    expect(knownPages['/articles/tonight/']).toBe('Tonight: when you want to text them at 2 a.m.');
  });

  it('fails with the reason if anything there ever reads a collection', () => {
    const store = serverModules.filter(({ path }) => /data-layer-content/.test(path));
    expect(store).toHaveLength(1);
    expect(store[0]!.text).toMatch(/throw new Error\("The on-demand server has no content collections: it reads known-pages\.json/);
  });
});
