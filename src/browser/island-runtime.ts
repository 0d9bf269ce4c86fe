/**
 * Astro's island runtime, loaded by the site script on a page with Preact islands instead of inline in every page: the
 * client directives first (the islands read them when they start), then the <astro-island> element. The build takes
 * the inline copies Astro writes out of the pages, and their hashes out of the policy (src/security/inline-scripts.ts,
 * `astroInlineScripts`).
 */
import './island-directives';
import 'astro/runtime/server/astro-island.js';
