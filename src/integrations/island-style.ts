/** After the build, moves Astro's island style into each page's <head> (see src/lib/island-style.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { islandStyleInHead } from '../lib/island-style.ts';
import { afterBuild, builtFiles, HTML } from './after-build.ts';

export default function islandStyle(): AstroIntegration {
  return afterBuild('island-style', ({ clientDir }) => {
    for (const file of builtFiles(clientDir, HTML)) {
      const html = readFileSync(file, 'utf8');
      const moved = islandStyleInHead(html);
      if (moved !== html) writeFileSync(file, moved);
    }
  });
}
