import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline on CI machines. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True when Chromium is here. Without it, browser tests skip loudly locally and fail under CI. */
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  const message = `\n!!! Chromium not found at ${chromiumPath}: browser tests are SKIPPED. Install it with: apt-get install -y chromium\n`;
  if (process.env.CI) throw new Error(message);
  console.warn(message);
}

/** The process's one Chromium, launched on first use; Playwright kills it when the process ends. */
let workerChromium: Promise<Browser> | undefined;

function sharedChromium(): Promise<Browser> {
  if (!workerChromium) {
    const launching = chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    workerChromium = launching;
    // A crashed browser is not handed to the next test file: that one launches a fresh one.
    launching.then(
      (browser) => browser.once('disconnected', () => (workerChromium = undefined)),
      () => (workerChromium = undefined),
    );
  }
  return workerChromium;
}

/**
 * Debian's Chromium (never a downloaded browser), one per test process, shared by its tests: launching it costs
 * seconds, a fresh context costs milliseconds. Each caller gets its own view of it whose `close()` closes only the
 * contexts and pages that caller opened, so callers stay isolated while the browser lives on.
 * Its pages run without the site's offline service worker unless a test asks for it
 * (`newContext({ serviceWorkers: 'allow' })`): a worker answering from its cache hides requests from `page.route`,
 * and from the page-weight figures.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  // Extra flags (Lighthouse's debugging port) need a browser of their own; closing the view closes it.
  const dedicated = extraArgs.length > 0 ? await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs], headless: true }) : undefined;
  const browser = dedicated ?? (await sharedChromium());
  const opened = new Set<BrowserContext>();
  const track = (context: BrowserContext) => {
    opened.add(context);
    context.once('close', () => opened.delete(context));
    return context;
  };
  const own: Pick<Browser, 'newContext' | 'newPage' | 'close'> = {
    newContext: async (options = {}) => track(await browser.newContext({ serviceWorkers: 'block', ...options })),
    newPage: async (options = {}) => {
      const page = await browser.newPage({ serviceWorkers: 'block', ...options });
      track(page.context());
      return page;
    },
    close: async () => {
      await Promise.all([...opened].map((context) => context.close()));
      await dedicated?.close();
    },
  };
  return new Proxy(browser, {
    get(target, key) {
      if (key in own) return own[key as keyof typeof own];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface PageWatch {
  /** Uncaught exceptions and console.error messages seen on the page. */
  errors: string[];
}

/** Records page errors and console errors so a test can assert there were none. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [] };
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console.error: ${message.text()}`);
  });
  return watch;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/** The axe rules whose outcome depends on the colours alone: what a second theme can change. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe-core (WCAG 2.x A/AA rules) in the page, or only within `selector`, and returns its violations;
 * `rules` narrows the run to those rules (e.g. COLOUR_RULES for a page already audited in another theme).
 */
export async function axeViolations(page: Page, selector?: string, rules?: string[]): Promise<AxeViolation[]> {
  // Evaluated through DevTools rather than a <script> tag, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(
    async ({ include, only }) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map(({ target, html }) => ({ target, html })),
      }));
    },
    { include: selector, only: rules },
  );
}

/** Human-readable summary for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.html).join('\n  ')}`)
    .join('\n');
}

/** Records every layout shift not caused by input in pages of `context` from their first paint (call before opening them). */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: number[] = [];
    (globalThis as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's cumulative layout shift so far (see recordLayoutShifts), after the frames that deliver the last entries. */
export async function layoutShiftTotal(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shifts = await page.evaluate(() => (globalThis as unknown as { layoutShifts: number[] }).layoutShifts);
  return shifts.reduce((sum, value) => sum + value, 0);
}

export type { Browser, BrowserContext, Page, Route };
