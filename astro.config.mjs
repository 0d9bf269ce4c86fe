// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';

// Telemetry stays off for every build: installs and builds talk to nothing but the npm registry.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, '');
// A separate output folder lets several builds (tests, benches) run side by side.
const outDir = process.env.OUT_DIR ?? './dist';

export default defineConfig({
  site: siteUrl,
  outDir,
  // Not inside outDir: the build empties outDir after syncing content into the cache.
  cacheDir: process.env.OUT_DIR ? `${outDir}-cache` : './node_modules/.astro',
  output: 'static',
  trailingSlash: 'ignore',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    mdx(),
    preact(),
    sitemap({ filter: (page) => !page.includes('/admin/') }),
  ],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // MDX modules carry Astro's own "use astro:head-inject" marker; the bundler's note about it is noise.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
