/**
 * One site stylesheet: with `build.cssCodeSplit: false` the page build writes every component's and island's CSS into
 * one file that every page links (cached once for the whole site). The island build would write a second file with
 * the CSS its islands import; those same files are imported by components too (or the page build would lack them), so
 * the island build gets them empty and links nothing. A CSS file that only an island imports stops the build, naming
 * the file: import it from the component that places the island.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const cssFile = /\.css$/;
const withoutQuery = (id: string) => id.split('?')[0] ?? id;

export default function oneStylesheet(): AstroIntegration {
  // CSS files the page build (prerender, the first of the three builds) bundled.
  const inPageBuild = new Set<string>();
  const plugin: Plugin = {
    name: 'back-together:one-stylesheet',
    enforce: 'pre',
    load(id) {
      const file = withoutQuery(id);
      if (!cssFile.test(file)) return undefined;
      const environment = this.environment.name;
      if (environment === 'prerender') inPageBuild.add(file);
      if (environment !== 'client') return undefined;
      if (!inPageBuild.has(file)) this.error(`${file} is imported only by an island: import it from the component that places the island too, so the site stylesheet has it`);
      return '';
    },
  };
  return {
    name: 'back-together:one-stylesheet',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin], build: { cssCodeSplit: false } } });
      },
    },
  };
}
