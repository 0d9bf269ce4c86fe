/**
 * One pass over the site in Chromium that records, for each page and viewport, everything the per-page checks
 * assert on: status, cookies, Content-Security-Policy violations, requests to other hosts, errors, sideways
 * overflow and axe violations in the light and dark theme. Visiting a page once for all of them is what keeps
 * the suite fast; tests/browser/every-page.test.ts turns the records into one test per concern.
 */
import { axeViolations, COLOUR_RULES, type AxeViolation, type Browser, type BrowserContext, type Page } from './browser';
import { hydrateAllIslands } from './islands';

export interface Viewport {
  width: number;
  height: number;
}

export interface CrawlPlan {
  /** Names the viewport in failure messages, e.g. "desktop" or "320 px". */
  view: string;
  viewport: Viewport;
  paths: string[];
  /** Paths audited with axe, in the light theme and then, with the colour rules, in the dark theme. */
  axe: string[];
}

export interface PageRecord {
  path: string;
  view: string;
  status: number | undefined;
  setCookie: string | null;
  /** Names of the cookies the browser holds after the visit. */
  cookies: string[];
  /** securitypolicyviolation events and the browser's console messages about the policy. */
  csp: string[];
  /** http(s) requests to any origin but the site's. */
  foreign: string[];
  /** Uncaught exceptions and console errors, with the URL a console error points at. */
  errors: string[];
  /** How far the document is wider than the viewport, in CSS pixels, as loaded and with every island hydrated. */
  overflow: { loaded: number; hydrated: number };
  axe: { light?: AxeViolation[]; dark?: AxeViolation[] };
}

declare global {
  interface Window {
    cspViolations: { directive: string; blocked: string; sample: string }[];
  }
}

/** Console text Chromium prints when the policy blocks something (or Pagefind cannot start its worker because of it). */
export const cspConsoleMessage = /Content[- ]Security[- ]Policy|Refused to|Pagefind web worker/i;

/** Makes every document of `context` record its securitypolicyviolation events in `window.cspViolations`. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  // Before any script of the page, so nothing the page does escapes it.
  await context.addInitScript(() => {
    window.cspViolations = [];
    addEventListener(
      'securitypolicyviolation',
      (event) => window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
      true,
    );
  });
}

/** The violations the current document recorded since the last call (see recordCspViolations). */
export async function takeCspViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(() => window.cspViolations.splice(0));
  return violations.map((violation) => JSON.stringify(violation));
}

/**
 * Makes `context` answer every http(s) request to another origin itself (the network is closed) and hands each
 * such URL to `seen`.
 */
export async function interceptForeignRequests(context: BrowserContext, origin: string, seen: (url: string) => void): Promise<void> {
  const isForeign = (url: URL) => /^https?:$/.test(url.protocol) && url.origin !== origin;
  context.on('request', (request) => {
    if (isForeign(new URL(request.url()))) seen(request.url());
  });
  await context.route(isForeign, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>' }),
  );
}

/** How many CSS pixels the document is wider than the viewport (0 when it fits). */
const overflowOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function visit(page: Page, record: PageRecord, origin: string, auditAxe: boolean): Promise<void> {
  const response = await page.goto(`${origin}${record.path}`);
  record.status = response?.status();
  record.setCookie = (await response?.headerValue('set-cookie')) ?? null;
  await page.evaluate(() => document.fonts.ready);
  const loaded = await overflowOf(page);
  await hydrateAllIslands(page);
  record.overflow = { loaded, hydrated: await overflowOf(page) };
  if (auditAxe) {
    // Back at the top, as a reader arrives: hydrating scrolled to the comments, and axe judges the size and spacing of
    // a target from what is drawn at its place on screen, which for a header scrolled out of view is something else.
    await page.evaluate(() => window.scrollTo(0, 0));
    record.axe.light = await axeViolations(page);
    // The colours are CSS light-dark() values that follow the system setting live, so the same page serves both; only
    // the colour rules can judge the dark theme differently.
    await page.emulateMedia({ colorScheme: 'dark' });
    record.axe.dark = await axeViolations(page, undefined, COLOUR_RULES);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  record.csp.push(...(await takeCspViolations(page)));
  record.cookies = (await page.context().cookies()).map((cookie) => cookie.name);
}

/** Visits every path of the plan in turn, in one fresh context of the plan's viewport, and records what each did. */
export async function crawl(browser: Browser, origin: string, plan: CrawlPlan): Promise<PageRecord[]> {
  const context = await browser.newContext({ viewport: plan.viewport, colorScheme: 'light' });
  const records: PageRecord[] = [];
  let current: PageRecord | undefined;
  await recordCspViolations(context);
  await interceptForeignRequests(context, origin, (url) => current?.foreign.push(url));
  const page = await context.newPage();
  page.on('pageerror', (error) => current?.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (cspConsoleMessage.test(text)) current?.csp.push(`console.${message.type()}: ${text}`);
    if (message.type() === 'error') current?.errors.push(`console.error: ${text} (${message.location().url})`);
  });
  const audited = new Set(plan.axe);
  try {
    for (const path of plan.paths) {
      current = { path, view: plan.view, status: undefined, setCookie: null, cookies: [], csp: [], foreign: [], errors: [], overflow: { loaded: 0, hydrated: 0 }, axe: {} };
      records.push(current);
      await visit(page, current, origin, audited.has(path));
    }
    current = undefined;
  } finally {
    await context.close();
  }
  return records;
}
