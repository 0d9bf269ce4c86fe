/**
 * After the build, over each page: takes out Astro's inline island runtime and client directives with their policy
 * hashes, since the site script carries them (src/security/inline-scripts.ts, `astroInlineScripts`), and Astro's
 * inline island style with its hash, since the site stylesheet carries it (`astroInlineStyles`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { astroInlineScripts, astroInlineStyles, withoutInlineScripts } from '../security/inline-scripts.ts';
import { afterBuild, builtFiles, HTML } from './after-build.ts';

export default function islandStyle(): AstroIntegration {
  return afterBuild('island-style', ({ clientDir }) => {
    for (const file of builtFiles(clientDir, HTML)) {
      const html = readFileSync(file, 'utf8');
      const moved = withoutInlineScripts(withoutInlineScripts(html, astroInlineScripts), astroInlineStyles, 'style');
      if (moved !== html) writeFileSync(file, moved);
    }
  });
}
