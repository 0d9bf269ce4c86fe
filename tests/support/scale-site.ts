/**
 * A copy of this site with many generated articles, in a temporary folder of its own (its own git history, the
 * project's node_modules linked in), for measuring builds at scale without touching the working tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BUILD_ENV } from '../../scripts/build-env.mjs';
import { childEnv } from './child-env';
import { repoRoot } from './paths';

const stepSlugs = ['understand-why', 'why-you-want-this', 'take-time', 'how-they-feel', 'best-attributes', 'casual-date', 'deeper-conversation', 'new-relationship', 'couples-counselling'];
const themes = ['missing them', 'a quiet evening', 'shared friends', 'an old photo', 'a birthday', 'moving house', 'a long walk', 'the first holiday apart'];

/** The Markdown of generated article `index`: about 700 words in sections, like a real article. */
export function generatedArticle(index: number): string {
  const theme = themes[index % themes.length]!;
  const paragraph = (section: number) =>
    `When ${theme} comes up in week ${section + 1}, notice what you feel before you act on it. Write down one thing that helped last time, ` +
    `and one thing you would rather not repeat. Article ${index} keeps this simple: small steps, said kindly, at your own pace, ` +
    `with people around you who know what is going on. Give it a day before deciding anything that matters.`;
  const sections = Array.from({ length: 6 }, (_, section) => `## Part ${section + 1} of thinking about ${theme}\n\n${paragraph(section)}\n\n${paragraph(section + 10)}\n`);
  return [
    '---',
    `title: "Generated article ${index}: ${theme}"`,
    `description: A generated article about ${theme}, number ${index}, for measuring builds at scale.`,
    `steps: [${stepSlugs[index % stepSlugs.length]}]`,
    `published: 2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
    '---',
    '',
    ...sections,
  ].join('\n');
}

export interface ScaleSite {
  root: string;
  remove(): void;
}

/** Copies the tracked files of this repository into a temp folder, adds `articleCount` articles and commits them. */
export function createScaleSite(articleCount: number): ScaleSite {
  const root = mkdtempSync(join(tmpdir(), 'bt-scale-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(root, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (let index = 1; index <= articleCount; index += 1) {
    writeFileSync(join(root, 'content/articles', `generated-${String(index).padStart(4, '0')}.md`), generatedArticle(index));
  }
  git(root, 'init', '-q');
  const site = { root, remove: () => rmSync(root, { recursive: true, force: true }) };
  commitScaleSite(site, 'scale site');
  return site;
}

const git = (root: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: root, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' } });

export interface BuildFigures {
  seconds: number;
  peakRssMb: number;
  /** CPU time of the build process, all its threads; less sensitive than wall time to other work on the machine. */
  userSeconds: number;
  systemSeconds: number;
}

/**
 * Runs `astro build` in a scale site as `npm run build` does, with node flags and environment of its own; throws with
 * the build's errors when it fails.
 */
function runBuild(site: ScaleSite, options: { nodeArgs?: string[]; env?: Record<string, string>; stdout: 'pipe' | 'ignore' | 'inherit' }) {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(site.root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site.root,
    stdio: ['ignore', options.stdout, 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    // Its own output, cache and compile-cache folders: the first build of a new site is cold, as on a fresh checkout
    // (node_modules is shared with this checkout, and so would be its cache).
    env: childEnv({
      NODE_ENV: 'production',
      ...BUILD_ENV,
      OUT_DIR: join(site.root, 'dist'),
      NODE_COMPILE_CACHE: join(site.root, '.node-compile-cache'),
      ...options.env,
    }),
  });
  if (result.status !== 0) throw new Error(`Scale build failed:\n${result.stderr.toString().slice(-4000)}`);
  return result;
}

/** Builds a scale site and returns the build's log (stdout); throws with its errors when the build fails. */
export function buildScaleSite(site: ScaleSite, env: Record<string, string> = {}): string {
  return runBuild(site, { env, stdout: 'pipe' }).stdout.toString();
}

/** Commits every change in a scale site (its last-updated dates come from this history). */
export function commitScaleSite(site: ScaleSite, message: string): void {
  git(site.root, 'add', '-A');
  git(site.root, 'commit', '-q', '-m', message);
}

/** Runs `astro build` (and the search index) in a scale site, as `npm run build` does, and measures it. */
export function measureBuild(site: ScaleSite): BuildFigures {
  const usageFile = join(site.root, '.build-usage.json');
  const started = performance.now();
  runBuild(site, {
    nodeArgs: ['--import', resolve(repoRoot, 'tests/support/peak-rss.mjs')],
    env: { PEAK_RSS_FILE: usageFile },
    stdout: process.env.SHOW_BUILD ? 'inherit' : 'ignore',
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userSeconds: number; systemSeconds: number };
  return { seconds, peakRssMb: usage.maxRssKb / 1024, userSeconds: usage.userSeconds, systemSeconds: usage.systemSeconds };
}
