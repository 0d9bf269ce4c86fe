/** After the build, writes /sw.js, the offline service worker, with this build's version and files to cache. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { offlinePrecache } from '../build/offline-precache.ts';
import { serviceWorkerSource } from '../build/service-worker.ts';

export default function offline(): AstroIntegration {
  let clientDir = '';
  return {
    name: 'back-together:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': ({ logger }) => {
        const { version, paths } = offlinePrecache(clientDir);
        writeFileSync(join(clientDir, 'sw.js'), serviceWorkerSource(version, paths));
        logger.info(`offline copy ${version}: ${paths.length} files`);
      },
    },
  };
}
