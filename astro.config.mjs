// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import headingAnchors from './src/integrations/heading-anchors.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import serverEntries from './src/integrations/server-entries.ts';
import precompress from './src/integrations/precompress.ts';
import assetCheck from './src/integrations/asset-check.ts';
import preactIslands from './src/integrations/preact-islands.ts';
import offline from './src/integrations/offline.ts';
import oneStylesheet from './src/integrations/one-stylesheet.ts';
import { contentSecurityPolicy } from './src/security/csp.ts';
import { DEFAULT_SITE_URL, siteOrigin } from './src/server/entry/site-url.mjs';
import serverContent from './src/integrations/server-content.ts';
import keptPages from './src/integrations/kept-pages.ts';
import modulePreload from './src/integrations/module-preload.ts';
import { fileURLToPath } from 'node:url';

// Telemetry stays off for every build: installs and builds talk to nothing but the npm registry.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

// SITE_URL's origin, the one address canonical links, feeds and the sitemap use.
const siteUrl = siteOrigin(process.env.SITE_URL) ?? DEFAULT_SITE_URL;
// A separate output folder lets several builds (tests, benches) run side by side.
const outDir = process.env.OUT_DIR ?? './dist';
// Not inside outDir: the build empties outDir (but for the last build's pages) after syncing content into the cache.
const cacheDir = process.env.OUT_DIR ? `${outDir}-cache` : './node_modules/.astro';
// Preview images render in worker threads and are kept in the cache folder between builds (src/preview-images/preview-images.ts).
process.env.PREVIEW_IMAGE_WORKER = fileURLToPath(new URL('./src/preview-images/preview-image-worker.ts', import.meta.url));
process.env.PREVIEW_IMAGE_CACHE_DIR = fileURLToPath(new URL(`${cacheDir}/preview-images/`, import.meta.url));

export default defineConfig({
  site: siteUrl,
  outDir,
  cacheDir,
  output: 'static',
  trailingSlash: 'ignore',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    // A rebuild keeps the last build's pages in place, and Astro renders only those that changed over theirs; first, so
    // the build-done steps below never see a page this build did not make (src/integrations/kept-pages.ts).
    // The search step replaces the index's folder whole, or keeps it (src/integrations/search-index-cache.ts).
    keptPages({ ownedFolders: ['client/pagefind'] }),
    mdx(),
    // Only files with JSX are Preact's: plain .ts needs no JSX transform, and Astro's renderer skips its Preact check for
    // components from other files (MDX content). In builds, JSX by the bundler's compiler, without Astro's Preact
    // integration and the Babel it loads (src/integrations/preact-islands.ts).
    preactIslands({ include: [/\.[jt]sx$/] }),
    // Shared quiz results and the printable guide (the same words as the guide's pages) are noindex: they exist for links people send, not for search engines.
    sitemap({ filter: (page) => !page.includes('/admin/') && !page.includes('/result/') && !page.includes('/print/') }),
    headingAnchors(),
    // One stylesheet for the whole site instead of up to eight per page (src/integrations/one-stylesheet.ts).
    oneStylesheet(),
    // The on-demand server reads content titles but renders no entry: its build leaves the MDX modules out.
    serverContent(),
    // Every /_astro/ file a page names is in this build (a page kept from the last build could name an older one).
    assetCheck(),
    // Reading offline: writes /sw.js with this build's pages and files (after the HTML is final).
    offline(),
    // The API's own handler and the adapter's options beside Astro's server entry, so the Node server's entry can
    // answer /api/ and built files without loading Astro's runtime.
    serverEntries(),
    // Security headers for the Node server's static files too (it wraps the server entry).
    securityHeaders(),
    // Indexes the finished client output.
    pagefind(),
    // Last: compressed copies of every text file, the search index's included.
    precompress(),
  ],
  // Styles as cached files, not inline blocks in every page. One page at a time: two (so a preview image renders in
  // its worker while the next page renders) saved 5% of a 1,000-article build but took 60% more memory.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The guide has no code blocks; Shiki's inline styles would only fight the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // A rebuild keeps every page of getStaticPaths whose data (its cacheKey, src/queries/page-cache-keys.ts) and code
  // are unchanged from the last build instead of rendering it again (in place: src/integrations/kept-pages.ts).
  experimental: { incrementalBuild: true },
  // Hashed CSP, no 'unsafe-inline': a <meta> tag on every page, a header from the Node server (src/security/csp.ts).
  // checkOrigin off: the only on-demand routes are the comments API, which checks Origin against SITE_URL
  // itself and answers with a JSON error (Astro's own check would answer in plain text first).
  security: { csp: contentSecurityPolicy({ https: siteUrl.startsWith('https://') }), checkOrigin: false },
  // No sessions, so no session cookie can ever be set (the Node adapter would otherwise enable them).
  session: false,
  prefetch: false,
  vite: {
    plugins: [
      {
        // MDX modules carry Astro's own "use astro:head-inject" marker; the bundler's note about it (in every build
        // environment, for every MDX file: 4,000 lines at 1,000 articles) is noise.
        name: 'back-together:quiet-directives',
        onLog: (_level, log) => (log.code === 'MODULE_LEVEL_DIRECTIVE' ? false : undefined),
      },
      modulePreload(),
    ],
    // Vite's own cache (optimized dependencies) lives in the build cache too: one folder holds every cache, so a new
    // OUT_DIR (tests, benches) builds cold, and deleting that folder starts over.
    cacheDir: fileURLToPath(new URL(`${cacheDir}/vite/`, import.meta.url)),
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              // Astro names a component's script after the component and the script's place in it
              // ("SiteScript.astro_astro_type_script_index_0_lang"). Every file that imports from the site script repeats
              // that name, and a page names it too, so a first script keeps only the component's name ("SiteScript").
              entryFileNames: (chunk) => `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_0_lang$/, '').replace(/[^\w.-]/g, '_')}.[hash].js`,
            },
          },
        },
      },
    },
    // The search worker (src/browser/search-worker.ts) is a module, so it can import Pagefind's own module.
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        output: {
          // A few shared files instead of many small ones (fewer requests, and code that compresses together): the site
          // script of every page with what it uses (src/components/SiteScript.astro), Preact with Astro's renderer, the
          // comment thread, the API calls and the Preact parts the comment forms share. A group takes the modules its
          // modules import (higher priority first), so the site script's group comes first. A page script loaded when
          // it comes into view (the quiz) keeps what only it uses in its own file without a group. Islands keep their
          // own files.
          codeSplitting: {
            groups: [
              { name: 'preact', test: /node_modules[\\/](preact|@astrojs[\\/]preact|@nanostores[\\/]preact)[\\/]/, priority: 2 },
              {
                // The comment thread: its page script, store, and text and time formatting; no Preact, so reading a
                // thread never loads it (its forms, loaded on first use, bring Preact).
                name: 'thread',
                test: /src[\\/](browser[\\/]comments[\\/]|stores[\\/]comments\.|lib[\\/]comments[\\/](text|relative-time)\.)/,
                priority: 0,
              },
              {
                // Calls to the site's API, shared by the comment thread, its forms, the contact form and the admin pages.
                name: 'api',
                test: /src[\\/]stores[\\/]api\./,
                priority: 1,
              },
              {
                // The Preact parts the comment forms, the contact form and the admin pages share.
                name: 'comment-parts',
                test: /src[\\/]islands[\\/]comments[\\/](ConfirmBox|form-parts|use-busy)\./,
                priority: 0,
              },
              {
                // The site script and what it uses. Step 1's private notes ride along (280 bytes, started when they come
                // into view all the same): a page script loaded from inside the site script's own file gives that file
                // the bundler's module-namespace helper, which otherwise goes to every quiz and comment page as a
                // separate file.
                name: 'site',
                test: /SiteScript\.astro|preload-helper|rolldown[\\/]runtime|src[\\/](browser[\\/](quick-exit|theme(-toggle)?|search-launcher|share-control|record-visit|wake-on-visible|dom|reflections)|stores[\\/](theme|write-or-warn)|lib[\\/](search-shortcut|theme|quick-exit|comments[\\/](own-keys|limits|page-path)))\./,
                priority: 3,
              },
            ],
          },
        },
      },
    },
  },
});
