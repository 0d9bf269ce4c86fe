// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import headingAnchors from './src/integrations/heading-anchors.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { contentSecurityPolicy } from './src/build/csp.ts';

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
    // Shared quiz results are noindex: they exist for links people send, not for search engines.
    sitemap({ filter: (page) => !page.includes('/admin/') && !page.includes('/result/') }),
    headingAnchors(),
    // Security headers for the Node server's static files too (it wraps the server entry).
    securityHeaders(),
    // Last: indexes the finished client output.
    pagefind(),
  ],
  build: { format: 'directory' },
  // The guide has no code blocks; Shiki's inline styles would only fight the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // Hashed CSP, no 'unsafe-inline': a <meta> tag on every page, a header from the Node server (src/build/csp.ts).
  security: { csp: contentSecurityPolicy(siteUrl) },
  // No sessions, so no session cookie can ever be set (the Node adapter would otherwise enable them).
  session: false,
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
