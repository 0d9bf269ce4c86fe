/**
 * After the build, over each page: moves Astro's island style into <head> (see src/lib/island-style.ts), and takes out
 * Astro's inline island runtime and client directives with their policy hashes, since the site script carries them
 * (src/security/inline-scripts.ts, `astroInlineScripts`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { islandStyleInHead } from '../lib/island-style.ts';
import { astroInlineScripts, withoutInlineScripts } from '../security/inline-scripts.ts';
import { afterBuild, builtFiles, HTML } from './after-build.ts';

export default function islandStyle(): AstroIntegration {
  return afterBuild('island-style', ({ clientDir }) => {
    for (const file of builtFiles(clientDir, HTML)) {
      const html = readFileSync(file, 'utf8');
      const moved = withoutInlineScripts(islandStyleInHead(html), astroInlineScripts);
      if (moved !== html) writeFileSync(file, moved);
    }
  });
}
