/**
 * What the Node server's entry (src/server/entry/site-server.mjs) needs from the server build besides Astro's entry:
 *  - `api-entry.mjs`: src/server/api-entry.ts, the API's own request handler, so `/api/` never goes through Astro;
 *  - `adapter-options.mjs`: the Node adapter's options as a module of their own, so the entry can export them
 *    without loading Astro's runtime;
 *  - `routes.json`: the patterns of on-demand routes outside `/api/` (such as Astro's image endpoint), the only
 *    requests that load Astro's entry, on first need;
 *  - `known-pages.json`: the pages that take comments, moved here from the public folder as soon as the pages are
 *    built (src/pages/known-pages.json.ts), before the offline worker or the compressed copies could list it.
 * The two modules are extra inputs of Astro's own server build, so they share its chunks and its settings.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The extra inputs of the server build, by the name of the module each becomes in the server folder. */
const EXTRA_INPUTS: Record<string, string> = {
  'api-entry': fileURLToPath(new URL('../server/api-entry.ts', import.meta.url)),
  'adapter-options': 'virtual:astro-node:config',
};

/** What the entry reads from routes.json. */
export interface ServerRoutes {
  /** RegExp sources of the on-demand routes outside /api/, matched against the decoded path. */
  onDemand: string[];
}

/** True for a route pattern under /api/ (the API entry answers those). */
export const isApiPattern = (pattern: string): boolean => pattern === '/api' || pattern.startsWith('/api/');

type RolldownInput = string | string[] | Record<string, string> | undefined;

/** The server build's input with the extra modules added under their names. */
export function withExtraInputs(input: RolldownInput): Record<string, string> | string[] {
  if (Array.isArray(input)) return [...input, ...Object.values(EXTRA_INPUTS)];
  const named = typeof input === 'string' ? { index: input } : (input ?? {});
  return { ...named, ...EXTRA_INPUTS };
}

function extraServerInputs(): Plugin {
  return {
    name: 'back-together:server-entries',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    options(options) {
      return { ...options, input: withExtraInputs(options.input as RolldownInput) };
    },
  };
}

/** The built list of pages that take comments, in the client folder as built and in the server folder as used. */
export const KNOWN_PAGES_FILE = 'known-pages.json';

export default function serverEntries(): AstroIntegration {
  let serverDir = '';
  let clientDir = '';
  let onDemand: string[] = [];
  return {
    name: 'back-together:server-entries',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [extraServerInputs()] } });
      },
      'astro:config:done': ({ config }) => {
        serverDir = fileURLToPath(config.build.server);
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:generated': () => {
        if (existsSync(serverDir)) renameSync(join(clientDir, KNOWN_PAGES_FILE), join(serverDir, KNOWN_PAGES_FILE));
      },
      'astro:routes:resolved': ({ routes }) => {
        onDemand = routes.filter((route) => !route.isPrerendered && !isApiPattern(route.pattern)).map((route) => route.patternRegex.source);
      },
      'astro:build:done': () => {
        if (!existsSync(serverDir)) return;
        const routes: ServerRoutes = { onDemand };
        writeFileSync(join(serverDir, 'routes.json'), `${JSON.stringify(routes, null, 2)}\n`);
      },
    },
  };
}
