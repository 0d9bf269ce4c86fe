import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILD_ENV } from '../../scripts/build-env.mjs';
import { childEnv } from './child-env';
import { outDir, repoRoot, serverEntry } from './paths';

/** Builds the site (astro build + search index) into OUT_DIR with the Node that runs the tests. */
export function buildSite(env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [resolve(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    // Production and the build environment, as `npm run build` has them; none of Vitest's own variables.
    env: childEnv({ NODE_ENV: 'production', ...BUILD_ENV, ...env }),
  });
  writeFileSync(resolve(outDir, '.built-by-tests'), new Date().toISOString());
}

/** SKIP_BUILD=1 reuses an existing build (handy while iterating on tests). */
export function ensureBuilt(): void {
  if (process.env.SKIP_BUILD === '1' && existsSync(serverEntry)) return;
  buildSite();
}
