// `npm start`: build the site (pages + search index) when sources are newer than the last build,
// then serve pages and the comments API from the same Node process on http://localhost:4321.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../src/server/entry/node-flags.mjs';
import { BUILD_ENV } from './build-env.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.OUT_DIR ?? 'dist');
const serverEntry = join(outDir, 'server', 'entry.mjs');
const sources = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

/** Newest modification time under a file or folder. */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

function buildIsStale() {
  if (!existsSync(serverEntry)) return true;
  const builtAt = statSync(serverEntry).mtimeMs;
  return sources.some((source) => newestChange(join(root, source)) > builtAt);
}

const skipBuild = process.argv.includes('--no-build');
if (!skipBuild && buildIsStale()) {
  console.log('Building the site and its search index…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...BUILD_ENV },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (!existsSync(serverEntry)) {
  console.error(`No build at ${outDir}: run npm run build first.`);
  process.exit(1);
}

const env = {
  ...process.env,
  HOST: process.env.HOST ?? 'localhost',
  PORT: process.env.PORT ?? '4321',
  COMMENTS_DB: process.env.COMMENTS_DB ?? join(root, 'data', 'comments.db'),
};
mkdirSync(join(root, 'data'), { recursive: true });
console.log(`Serving Back Together on http://${env.HOST}:${env.PORT}/ (Ctrl+C to stop)`);
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverEntry], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
