/**
 * The server build (the comments API) reads the titles of steps and articles with getCollection, but never renders
 * an entry. Astro's content module still imports every MDX entry for `render()`, so without this the server build
 * compiles every article a second time (at 1,000 articles: 2,000 modules, several seconds and hundreds of MB).
 * Here the server's copy of that map is empty, and its content store is left out too; prerendered pages keep both, the
 * store read from its file as the pages render. Reading a collection on demand would need this removed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Astro's map of content modules: a file in the project's .astro folder, or a virtual module when there is none. */
const contentModulesId = /(?:[\\/]content-modules\.mjs|^\0astro:content-module-imports)$/;
/** Astro's content store (every entry's data and rendered HTML), as one module. */
const dataStoreId = /^\0astro:data-layer-content$/;

/**
 * What the on-demand server's build gets for the content store: a module that fails when loaded, naming why. The
 * built server reads its pages from known-pages.json (src/server/known-pages.ts) and never the collections, so the
 * store (8.9 MB at 1,000 articles) was bundled for nothing: a second copy for the bundler to read and write.
 */
const noDataStore = `throw new Error('The on-demand server has no content collections: it reads known-pages.json (src/server/known-pages.ts). src/integrations/server-content.ts leaves them out of its build.');`;

/**
 * A module of one build environment given in place of Astro's own. Before Astro's plugin (`enforce: 'pre'`, and first
 * in the list, see below): Astro's module for the store reads it, parses it to check it and quotes it whole, which took
 * about 0.6 s of every build at 1,000 articles even when that module was then replaced.
 */
function standIn({ name, environment, ids, code }: { name: string; environment: string; ids: RegExp[]; code: (id: string) => string }): Plugin {
  return {
    name,
    apply: 'build',
    applyToEnvironment: (candidate) => candidate.name === environment,
    enforce: 'pre',
    load: { filter: { id: ids }, handler: (id) => ({ code: code(id), map: null }) },
  };
}

// `ssr` is the on-demand server in a build; prerendered pages build in their own environment.
const emptyServerContentModules = () =>
  standIn({
    name: 'back-together:server-content',
    environment: 'ssr',
    ids: [contentModulesId, dataStoreId],
    code: (id) => (dataStoreId.test(id) ? noDataStore : 'export default new Map();'),
  });

/**
 * What prerendering gets for the content store: a module that reads the store's file when the first page asks for a
 * collection (as Astro's own module would parse it; an empty store when there is no file, as Astro's). Astro bundles
 * the store into the prerender build as one string (8.5 MB at 1,000 articles), which the bundler parses and writes out
 * again on every build. The build renders its pages on this machine right after it has written that file.
 */
export function storeModuleReadingFile(dataStoreFile: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(dataStoreFile)};`,
    "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
  ].join('\n');
}

const storeReadAtRender = (dataStoreFile: string) =>
  standIn({ name: 'back-together:prerender-content-store', environment: 'prerender', ids: [dataStoreId], code: () => storeModuleReadingFile(dataStoreFile) });

export default function serverContent(): AstroIntegration {
  // Empty when the store is not one file (Astro's experimental chunked storage): prerendering then keeps Astro's module.
  let dataStoreFile = '';
  return {
    name: 'back-together:server-content',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Astro's own place for the store in a build (content/paths.js: the cache folder's data-store.json).
        const storage = config.experimental.collectionStorage;
        if (storage === undefined || storage === 'single-file') dataStoreFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
      },
      'astro:build:setup': ({ vite }) => {
        // First of all plugins: Astro's content plugin is `enforce: 'pre'` too, and among those the first to load a
        // module wins (updateConfig would put these after it).
        vite.plugins = [emptyServerContentModules(), ...(dataStoreFile ? [storeReadAtRender(dataStoreFile)] : []), ...(vite.plugins ?? [])];
      },
    },
  };
}
