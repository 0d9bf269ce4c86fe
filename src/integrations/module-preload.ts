/**
 * A smaller stand-in for Vite's module preload helper. Vite wraps every dynamic `import()` of the client build in a
 * helper that first adds `<link rel="modulepreload">` for the imported file's own imports, so they load side by side
 * instead of one after another. Its helper also handles CSS files, relative bases, CSP nonces and a preload error
 * event, none of which this site uses (one stylesheet, an absolute base, hashes rather than nonces), and it sits in
 * the site script of every page: 1.5 KB before compression. This one keeps the side-by-side loading in a tenth of that.
 */
import type { Plugin } from 'vite';

/** Vite's id for its helper module (vite/src/node/plugins/importAnalysisBuild.ts). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/**
 * The helper: `__vitePreload(load, deps)` adds a modulepreload link for each file in `deps` (paths under `base`, once
 * each per page) and then runs `load`. A link that fails to load changes nothing: the import itself then fails, and
 * its caller handles that.
 */
export function preloadHelperCode(base: string): string {
  return (
    'const seen=new Set;export const __vitePreload=(load,deps)=>{for(const dep of deps||[]){if(seen.has(dep))continue;seen.add(dep);' +
    `const link=document.createElement("link");link.rel="modulepreload";link.href=${JSON.stringify(base)}+dep;document.head.append(link)}return load()};`
  );
}

export default function modulePreload(): Plugin {
  let base = '/';
  return {
    name: 'back-together:module-preload',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    configResolved(config) {
      base = config.base;
    },
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler: (id) => (id === PRELOAD_HELPER_ID ? preloadHelperCode(base) : undefined),
    },
  };
}
