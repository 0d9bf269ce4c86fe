/**
 * What the site's own integrations share: they run once the build is done, over the built client folder. One of
 * them is `afterBuild(name, run)`; `builtFiles(dir, extensions)` lists the files it works on.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';

/** Where the build put things (absolute folders) and the address it was built for. */
export interface BuiltSite {
  /** The project's root folder. */
  root: string;
  clientDir: string;
  serverDir: string;
  cacheDir: string;
  site: string;
}

/** Every file under a folder, at any depth, whose extension (`.html`, lower case) is in `extensions`; all when omitted. */
export function builtFiles(dir: string, extensions?: ReadonlySet<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return builtFiles(full, extensions);
    return !extensions || extensions.has(extname(entry.name).toLowerCase()) ? [full] : [];
  });
}

export const HTML = new Set(['.html']);

/**
 * Puts a file from the cache folder into the output as a hard link, or a copy where links fail (another file system):
 * a new file costs the file system far more than a link (thousands a build). Safe because nothing writes into a built
 * file in place: the output folder is emptied before each build but for the files routes wrote, which are Astro's own
 * (kept-pages.ts), and any earlier file at `to` is removed first.
 */
export function linkFromCache(from: string, to: string): void {
  // Already that very file (the compressed copy of a page a rebuild kept): nothing to do.
  const [source, target] = [statSync(from), statSync(to, { throwIfNoEntry: false })];
  if (target && target.ino === source.ino && target.dev === source.dev) return;
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** linkFromCache for every file under a folder, at any depth. */
export function linkTreeFromCache(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTreeFromCache(join(from, entry.name), join(to, entry.name));
    else linkFromCache(join(from, entry.name), join(to, entry.name));
  }
}

/**
 * An integration named `back-together:<name>` that runs `run` after `astro build`. `hooks` may add others (the dev
 * server's, say); they see the same BuiltSite, filled in once Astro's configuration is done.
 */
export function afterBuild(
  name: string,
  run: (site: BuiltSite, options: { logger: AstroIntegrationLogger; dir: URL }) => unknown,
  hooks: (site: BuiltSite) => AstroIntegration['hooks'] = () => ({}),
): AstroIntegration {
  const site: BuiltSite = { root: '', clientDir: '', serverDir: '', cacheDir: '', site: '' };
  return {
    name: `back-together:${name}`,
    hooks: {
      ...hooks(site),
      'astro:config:done': ({ config }: HookParameters<'astro:config:done'>) => {
        site.root = fileURLToPath(config.root);
        site.clientDir = fileURLToPath(config.build.client);
        site.serverDir = fileURLToPath(config.build.server);
        site.cacheDir = fileURLToPath(config.cacheDir);
        site.site = config.site ?? '';
      },
      'astro:build:done': async ({ logger, dir }: HookParameters<'astro:build:done'>) => {
        await run(site, { logger, dir });
      },
    },
  };
}
