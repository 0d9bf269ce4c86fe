/**
 * What the offline copy holds, read from the built client folder: the guide's pages (home, before you start, every
 * step, the way out, the progress and print pages) and every file they load (CSS, scripts and the chunks those
 * import, fonts, the icon). Articles join the copy when the reader opens them (network-first in the worker).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixedPages = ['/', '/before-you-start/', '/if-it-doesnt-work-out/', '/progress/', '/print/'];

/**
 * Build files a page, stylesheet or script refers to: `/_astro/…` paths, `./…` imports between chunks, and the
 * quizzes' data files (`/quizzes/…json`, src/queries/quiz-data.ts), named by their content's hash as those are.
 */
export function referencedAssets(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\/(_astro\/[\w.-]+\.(?:js|css|woff2?)|quizzes\/[\w.-]+\.json)\b/g)) found.add(`/${match[1]}`);
  for (const match of text.matchAll(/["'`(]\.\/([\w.-]+\.(?:js|css|woff2?))/g)) found.add(`/_astro/${match[1]}`);
  return [...found];
}

/** A short version that changes whenever any cached file changes. */
export function offlineVersion(contents: readonly string[]): string {
  const hash = createHash('sha256');
  for (const content of contents) hash.update(content).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The file a site path is built to. */
function builtFile(clientDir: string, path: string): string {
  return path.endsWith('/') ? join(clientDir, path, 'index.html') : join(clientDir, path);
}

export interface Precache {
  version: string;
  /** Site paths, pages first. */
  paths: string[];
}

/** The pages and files to precache from a built client folder; throws when a guide page is missing. */
export function offlinePrecache(clientDir: string): Precache {
  const stepsDir = join(clientDir, 'steps');
  const stepPages = readdirSync(stepsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(stepsDir, entry.name, 'index.html')))
    .map((entry) => `/steps/${entry.name}/`)
    .sort();
  const pages = [...fixedPages, ...stepPages];
  const assets = new Set<string>(['/favicon.svg']);
  const pending = pages.map((path) => {
    const file = builtFile(clientDir, path);
    if (!existsSync(file)) throw new Error(`offline: ${path} was not built`);
    return file;
  });
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    for (const asset of referencedAssets(readFileSync(file, 'utf8'))) {
      if (assets.has(asset)) continue;
      assets.add(asset);
      if (/\.(?:js|css)$/.test(asset)) pending.push(builtFile(clientDir, asset));
    }
  }
  const paths = [...pages, ...[...assets].sort()];
  return { version: offlineVersion(paths.map((path) => `${path}\n${readFileSync(builtFile(clientDir, path), 'utf8')}`)), paths };
}
