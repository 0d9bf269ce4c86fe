import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { clientDir } from './paths';

export interface BuiltPage {
  /** Site path: /steps/take-time/ for steps/take-time/index.html, /404.html for 404.html. */
  path: string;
  file: string;
  html: string;
  document: HTMLElement;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

function sitePath(file: string): string {
  const rel = relative(clientDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

let cache: BuiltPage[] | undefined;

/** Every HTML page of the build, parsed once per test file. */
export function builtPages(): BuiltPage[] {
  cache ??= htmlFiles(clientDir)
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return { path: sitePath(file), file, html, document: parse(html) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return cache;
}

export function builtPage(path: string): BuiltPage {
  const page = builtPages().find((candidate) => candidate.path === path);
  if (!page) throw new Error(`No built page at ${path}`);
  return page;
}

/** The built file a site path resolves to, as a static host would serve it; undefined when missing. */
export function fileForPath(path: string): string | undefined {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '/');
  const candidates = clean.endsWith('/') ? [join(clientDir, clean, 'index.html')] : [join(clientDir, clean), join(clientDir, clean, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Text a reader sees in an element: tags dropped, entities decoded, whitespace collapsed. */
export function visibleText(element: HTMLElement): string {
  const copy = parse(element.outerHTML);
  copy.querySelectorAll('script, style, template').forEach((node) => node.remove());
  return copy.text.replace(/\s+/g, ' ').trim();
}
