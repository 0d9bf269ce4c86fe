/** After the build, writes /sw.js, the offline service worker, with this build's version and files to cache. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { offlinePrecache } from './offline-precache.ts';
import { serviceWorkerSource } from './offline-service-worker.ts';
import { afterBuild } from './after-build.ts';

export default function offline(): AstroIntegration {
  return afterBuild('offline', ({ clientDir }, { logger }) => {
    const { version, paths } = offlinePrecache(clientDir);
    writeFileSync(join(clientDir, 'sw.js'), serviceWorkerSource(version, paths));
    logger.info(`offline copy ${version}: ${paths.length} files`);
  });
}
