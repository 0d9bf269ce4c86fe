/**
 * JSX compiled by the bundler's own compiler (oxc) in builds, instead of Babel. Astro's Preact integration always
 * hands Preact's Vite preset a Babel configuration, and the preset then runs Babel over every .tsx module of each build
 * environment, only to compile JSX: what else it adds (hook names, devtools, refresh) is for the dev server, which
 * keeps it. Babel cost 0.6 s of every build. Goes after preact() in astro.config.mjs.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin, PluginOption } from 'vite';

/** Preact's JSX plugin among Vite's plugins (which may nest in arrays). */
function findPlugin(plugins: PluginOption[] | undefined, name: string): Plugin | undefined {
  for (const plugin of plugins ?? []) {
    if (Array.isArray(plugin)) {
      const found = findPlugin(plugin, name);
      if (found) return found;
    } else if (plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === name) return plugin;
  }
  return undefined;
}

export default function preactJsx(): AstroIntegration {
  return {
    name: 'back-together:preact-jsx',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const jsx = findPlugin(config.vite.plugins, 'vite:preact-jsx');
        if (!jsx) throw new Error('preact-jsx: Preact\'s Vite plugin "vite:preact-jsx" was not found; add preactJsx() after preact()');
        delete jsx.transform;
        updateConfig({ vite: { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } } });
      },
    },
  };
}
