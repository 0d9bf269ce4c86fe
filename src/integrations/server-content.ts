/**
 * The server build (the comments API) reads the titles of steps and articles with getCollection, but never renders
 * an entry. Astro's content module still imports every MDX entry for `render()`, so without this the server build
 * compiles every article a second time (at 1,000 articles: 2,000 modules, several seconds and hundreds of MB).
 * Here the server's copy of that map is empty; prerendered pages keep theirs. Rendering an entry on demand would
 * need this removed.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's map of content modules: a file in the project's .astro folder, or a virtual module when there is none. */
const contentModulesId = /(?:[\\/]content-modules\.mjs|^\0astro:content-module-imports)$/;

function emptyServerContentModules(): Plugin {
  return {
    name: 'back-together:server-content',
    apply: 'build',
    // `ssr` is the on-demand server in a build; prerendered pages build in their own environment.
    applyToEnvironment: (environment) => environment.name === 'ssr',
    transform: {
      filter: { id: contentModulesId },
      handler: () => ({ code: 'export default new Map();', map: null }),
    },
  };
}

export default function serverContent(): AstroIntegration {
  return {
    name: 'back-together:server-content',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [emptyServerContentModules()] } });
      },
    },
  };
}
