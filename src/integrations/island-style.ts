/** After the build, moves Astro's island style into each page's <head> (see src/lib/island-style.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { islandStyleInHead } from '../lib/island-style.ts';
import { htmlFiles } from './security-headers.ts';

export default function islandStyle(): AstroIntegration {
  let clientDir = '';
  return {
    name: 'back-together:island-style',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': () => {
        for (const file of htmlFiles(clientDir)) {
          const html = readFileSync(file, 'utf8');
          const moved = islandStyleInHead(html);
          if (moved !== html) writeFileSync(file, moved);
        }
      },
    },
  };
}
