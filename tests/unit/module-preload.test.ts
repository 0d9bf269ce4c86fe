import { describe, expect, test } from 'vitest';
import modulePreload, { PRELOAD_HELPER_ID, preloadHelperCode } from '../../src/integrations/module-preload';

/** The helper module, loaded with a stand-in for the page's <head>. */
async function loadHelper(base: string) {
  const appended: { rel: string; href: string }[] = [];
  const page = globalThis as unknown as { document?: unknown };
  page.document = {
    createElement: () => ({ rel: '', href: '' }),
    head: { append: (link: { rel: string; href: string }) => appended.push(link) },
  };
  const code = `${preloadHelperCode(base)}\n// ${Math.random()}`;
  const { __vitePreload } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    __vitePreload: <T>(load: () => Promise<T>, deps?: string[]) => Promise<T>;
  };
  return { __vitePreload, appended, done: () => delete page.document };
}

describe("the site's module preload helper (src/integrations/module-preload.ts)", () => {
  test('preloads the files a dynamic import needs, each once per page, then imports it', async () => {
    const { __vitePreload, appended, done } = await loadHelper('/');
    expect(await __vitePreload(async () => 'thread', ['_astro/thread.a1.js', '_astro/api.b2.js'])).toBe('thread');
    expect(await __vitePreload(async () => 'forms', ['_astro/api.b2.js', '_astro/preact.c3.js'])).toBe('forms');
    expect(await __vitePreload(async () => 'notes')).toBe('notes');
    expect(appended).toEqual([
      { rel: 'modulepreload', href: '/_astro/thread.a1.js' },
      { rel: 'modulepreload', href: '/_astro/api.b2.js' },
      { rel: 'modulepreload', href: '/_astro/preact.c3.js' },
    ]);
    done();
  });

  test('puts the base in front of each file, and leaves a failed import to its caller', async () => {
    const { __vitePreload, appended, done } = await loadHelper('/guide/');
    await expect(__vitePreload(() => Promise.reject(new Error('offline')), ['_astro/quiz.d4.js'])).rejects.toThrow('offline');
    expect(appended.map((link) => link.href)).toEqual(['/guide/_astro/quiz.d4.js']);
    done();
  });

  test("stands in for Vite's helper module in the client build only", () => {
    const plugin = modulePreload();
    const load = plugin.load as { handler: (id: string) => string | undefined };
    expect(load.handler(PRELOAD_HELPER_ID)).toBe(preloadHelperCode('/'));
    expect(load.handler('/src/browser/dom.ts')).toBeUndefined();
    const applies = plugin.applyToEnvironment as (environment: { config: { consumer: string } }) => boolean;
    expect(applies({ config: { consumer: 'client' } })).toBe(true);
    expect(applies({ config: { consumer: 'server' } })).toBe(false);
  });
});
