/**
 * After the build, over each page: every file of `/_astro/` and every quiz data file a page names must be in this
 * build. A rebuild copies the pages whose data and code did not change from the last build (astro.config.mjs,
 * incremental build); should a copied page still name a file of an older build, the build stops here instead of
 * shipping it without them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuild, builtFiles, HTML } from './after-build.ts';
import { referencedAssets } from './offline-precache.ts';

/** `page → asset` for every asset a built page names that the client folder does not have. */
export function missingAssets(clientDir: string): string[] {
  // Assets are files directly in _astro/ or quizzes/ (referencedAssets names no others): one listing each, not a
  // lookup per reference.
  const built = new Set(
    ['_astro', 'quizzes'].flatMap((folder) => {
      const dir = join(clientDir, folder);
      return existsSync(dir) ? readdirSync(dir).map((name) => `/${folder}/${name}`) : [];
    }),
  );
  return builtFiles(clientDir, HTML).flatMap((page) =>
    referencedAssets(readFileSync(page, 'utf8'))
      .filter((asset) => !built.has(asset))
      .map((asset) => `${relative(clientDir, page)} → ${asset}`),
  );
}

export default function assetCheck(): AstroIntegration {
  return afterBuild('asset-check', ({ clientDir }) => {
    const missing = missingAssets(clientDir);
    if (missing.length > 0) {
      throw new Error(
        `Built pages name files this build does not have; \`npm run build -- --force\` renders every page again:\n${missing.slice(0, 20).join('\n')}`,
      );
    }
  });
}
