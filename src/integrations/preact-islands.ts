/**
 * Preact islands. In builds: Astro's Preact renderer, with JSX compiled by the bundler's own compiler (oxc), without
 * loading Astro's Preact integration. That integration hands Preact's Vite preset a Babel configuration, and the preset
 * runs Babel over every .tsx module of each build environment only to compile JSX (0.6 s of every build); merely
 * loading it, with Babel, took 0.45 s of every build's start. What else the preset adds (hook names, devtools, fast
 * refresh) is for the dev server, which gets Astro's integration as it is, as does every other command.
 */
import { createRequire } from 'node:module';
import { getRenderer } from '@astrojs/preact/container-renderer';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

interface Options {
  /** Modules Preact renders (its server renderer skips its check for components of other files, MDX content). */
  include: RegExp[];
}

/** The options module Astro's Preact server renderer imports (`astro:preact:opts`), as Astro's integration writes it. */
export function preactOptionsModule(include: readonly RegExp[]): string {
  return `export default { include: [${include.map((pattern) => pattern.toString()).join(', ')}] };`;
}

function preactOptions(include: readonly RegExp[]): Plugin {
  const id = 'astro:preact:opts';
  return {
    name: 'back-together:preact-options',
    resolveId: { filter: { id: new RegExp(`^${id}$`) }, handler: () => `\0${id}` },
    load: { filter: { id: new RegExp(`^\\0${id}$`) }, handler: () => preactOptionsModule(include) },
  };
}

export default function preactIslands({ include }: Options): AstroIntegration {
  return {
    name: 'back-together:preact-islands',
    hooks: {
      'astro:config:setup': async (params) => {
        if (params.command !== 'build') {
          // Loaded by Node itself (require of an ES module): the module runner that loaded this config is closed by now.
          const { default: preact } = createRequire(import.meta.url)('@astrojs/preact') as typeof import('@astrojs/preact');
          await preact({ include }).hooks['astro:config:setup']?.(params);
          return;
        }
        params.addRenderer(getRenderer(false));
        params.updateConfig({ vite: { plugins: [preactOptions(include)], oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } } });
      },
    },
  };
}
