import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISABLED_FEATURES, NON_DOCUMENT_CSP, REFERRER_POLICY, applySecurityHeaders, headerPolicy, staticHostHeaders } from '../../src/security/headers';
import { astroInlineScripts, astroInlineStyles, sha256Source } from '../../src/security/inline-scripts';
import { metaPolicyOf, pagePolicies } from '../../src/security/server-headers';
import { builtFiles, HTML } from '../../src/integrations/after-build';
import { clientDir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';
import { builtPage, builtPages } from '../support/site';
import { sitemapPaths } from '../support/sitemap';

const PAGE = '/steps/take-time/';
/** Every page of the sitemap, and the built pages it leaves out (shared quiz results, admin). */
const paths = [...new Set([...sitemapPaths(), ...builtPages().map((page) => page.path).filter((path) => path.endsWith('/'))])];

/** A policy's directives by name, e.g. { 'script-src': ["'self'", …] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Headers every response must carry, pages, files and API alike. */
function expectBaseHeaders(headers: Headers, where: string): void {
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('referrer-policy'), where).toBe('no-referrer');
  expect(headers.get('x-frame-options'), where).toBe('DENY');
  const permissions = headers.get('permissions-policy') ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
    expect(permissions, where).toContain(`${feature}=()`);
  }
  const policy = directives(headers.get('content-security-policy') ?? '');
  expect(policy['frame-ancestors'], where).toEqual(["'none'"]);
  expect(policy['script-src'] ?? [], where).not.toContain("'unsafe-inline'");
  expect(headers.get('set-cookie'), where).toBeNull();
}

/** A JSON response's policy: nothing may load or run, as the API's own policy or the middleware's says. */
function expectLoadsNothing(headers: Headers, where: string): void {
  const policy = directives(headers.get('content-security-policy') ?? '');
  expect(policy['default-src'], where).toEqual(["'none'"]);
  expect(Object.keys(policy).filter((name) => name.startsWith('script-src') || name.startsWith('style-src')), where).toEqual([]);
}

async function postComment(server: RunningServer): Promise<Response> {
  return fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ page: PAGE, name: 'Sam', text: 'Thank you for this page.' }),
  });
}

describe('security headers from the Node server', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends every page its own meta policy as a header, plus frame-ancestors, and the other headers', async () => {
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expectBaseHeaders(response.headers, path);
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
      const meta = metaPolicyOf(builtPage(path).html);
      expect(meta, path).toBeTruthy();
      expect(response.headers.get('content-security-policy'), path).toBe(`${meta!.replace(/;\s*$/, '')}; frame-ancestors 'none'`);
      await response.arrayBuffer();
    }
  });

  it('puts the same headers on pages asked for without the slash and on the not-found page', async () => {
    const notFoundPolicy = `${metaPolicyOf(builtPage('/404.html').html)!.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
    for (const path of ['/steps/take-time', '/no-such-page/']) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expectBaseHeaders(response.headers, path);
      if (path === '/no-such-page/') {
        expect(response.status).toBe(404);
        expect(response.headers.get('content-security-policy')).toBe(notFoundPolicy);
      }
      await response.arrayBuffer();
    }
  });

  it("sends files that are not pages a short policy that loads nothing, never a page's policy", async () => {
    const assets = readdirSync(join(clientDir, '_astro')).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
    expect(assets.length).toBeGreaterThan(0);
    for (const path of [`/_astro/${assets[0]}`, '/favicon.svg', '/pagefind/pagefind.js', '/sitemap-index.xml']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expectLoadsNothing(response.headers, path);
      expect(response.headers.get('permissions-policy'), path).toBeNull();
      const headerBytes = [...response.headers].reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
      expect(headerBytes, path).toBeLessThan(600);
      await response.arrayBuffer();
    }
  });

  it('sends one referrer policy, the table\'s, on a page, a file and an API response, and in the page\'s <meta>', async () => {
    const meta = /<meta name="referrer" content="([^"]*)"/.exec(builtPage(PAGE).html)?.[1];
    const answers = await Promise.all(
      [PAGE, '/favicon.svg', `/api/comments?page=${encodeURIComponent(PAGE)}`].map(async (path) => {
        const response = await fetch(`${server.url}${path}`);
        await response.arrayBuffer();
        return response.headers.get('referrer-policy');
      }),
    );
    expect(REFERRER_POLICY).toBe('no-referrer');
    expect([...answers, meta]).toEqual(Array(4).fill(REFERRER_POLICY));
  });

  it('gives API responses the same headers and a policy that loads nothing', async () => {
    const list = await fetch(`${server.url}/api/comments?page=${encodeURIComponent(PAGE)}`);
    expect(list.status).toBe(200);
    expectBaseHeaders(list.headers, 'GET /api/comments');
    expectLoadsNothing(list.headers, 'GET /api/comments');
    await list.arrayBuffer();

    const created = await postComment(server);
    expect([201, 202]).toContain(created.status);
    expectBaseHeaders(created.headers, 'POST /api/comments');
    expectLoadsNothing(created.headers, 'POST /api/comments');
    await created.arrayBuffer();

    const unknown = await fetch(`${server.url}/api/nothing-here`);
    expectBaseHeaders(unknown.headers, 'GET /api/nothing-here');
    await unknown.arrayBuffer();
  });
});

describe('HSTS when SITE_URL is https', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ env: { SITE_URL: 'https://back-together.example' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is sent on pages, files and API responses', async () => {
    for (const path of ['/', PAGE, '/favicon.svg', `/api/comments?page=${encodeURIComponent(PAGE)}`]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      if (path === '/favicon.svg') expectLoadsNothing(response.headers, path);
      else expectBaseHeaders(response.headers, path);
      await response.arrayBuffer();
    }
  });
});

describe('the same headers for static hosts', () => {
  it('are written to client/_headers, with frame-ancestors added to every page', () => {
    const file = readFileSync(join(clientDir, '_headers'), 'utf8');
    expect(file.startsWith('/*\n')).toBe(true);
    expect(file).toContain('  X-Content-Type-Options: nosniff\n');
    expect(file).toContain('  Referrer-Policy: no-referrer\n');
    expect(file).toContain('  X-Frame-Options: DENY\n');
    expect(file).toContain("  Content-Security-Policy: frame-ancestors 'none'\n");
    for (const feature of DISABLED_FEATURES) expect(file).toContain(`${feature}=()`);
  });

  it('are backed by a policy in every built page, with no unsafe-inline, eval or other hosts', () => {
    for (const path of paths) {
      const policy = directives(metaPolicyOf(builtPage(path).html) ?? '');
      expect(policy['default-src'], path).toEqual(["'none'"]);
      expect(policy['base-uri'], path).toEqual(["'none'"]);
      for (const name of ['script-src', 'style-src']) {
        const sources = policy[name] ?? [];
        expect(sources, `${path} ${name}`).toContain("'self'");
        expect(sources.filter((source) => !/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/.test(source)), `${path} ${name}`).toEqual([]);
      }
      for (const [name, sources] of Object.entries(policy)) {
        expect(sources.filter((source) => /^(https?:|\*|data:|blob:)/.test(source)), `${path} ${name}`).toEqual([]);
      }
    }
  });
});

describe("Astro's inline island code (src/middleware.ts)", () => {
  it('is in no built page, nor its hash in any policy, though pages have islands: the site script loads it, the stylesheet carries the style', () => {
    const pages = builtPages();
    // The progress page, search, the contact form and the owner's pages.
    expect(pages.filter((page) => page.html.includes('<astro-island')).length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      for (const { text, hash } of [...astroInlineScripts, ...astroInlineStyles]) {
        if (text !== '') expect(page.html.includes(text), `${page.path}: ${text.slice(0, 40)}`).toBe(false);
        expect(page.html.includes(hash), `${page.path}: ${hash}`).toBe(false);
      }
      expect(page.html, page.path).not.toMatch(/<style>/);
    }
  });

  it("leaves each page's policy allowing by hash only the inline scripts that page runs", () => {
    for (const page of builtPages()) {
      const policy = directives(metaPolicyOf(page.html) ?? '');
      const allowed = (policy['script-src'] ?? []).filter((source) => source.startsWith("'sha256-")).map((source) => source.slice(1, -1));
      // Scripts with a type (JSON-LD) are data, never run; `<script type="module" src>` is allowed by 'self'.
      const inline = [...page.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, text]) => sha256Source(text!));
      expect(allowed.toSorted(), page.path).toEqual([...new Set(inline)].toSorted());
    }
  });
});

describe('security headers for on-demand responses (src/middleware.ts)', () => {
  it('adds frame-ancestors to a page policy, once', () => {
    expect(headerPolicy("script-src 'self';")).toBe("script-src 'self'; frame-ancestors 'none'");
    expect(headerPolicy("default-src 'none'; frame-ancestors 'none'")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('gives a response without a policy one that loads nothing, unless it is a page', () => {
    const json = new Headers({ 'Content-Type': 'application/json' });
    applySecurityHeaders(json, { https: true });
    expect(json.get('content-security-policy')).toBe(NON_DOCUMENT_CSP);
    expect(json.get('strict-transport-security')).toMatch(/^max-age=/);
    expectBaseHeaders(json, 'json');

    const html = new Headers({ 'Content-Type': 'text/html', 'Content-Security-Policy': "script-src 'self' 'sha256-abc='" });
    applySecurityHeaders(html, { https: false });
    expect(html.get('content-security-policy')).toBe("script-src 'self' 'sha256-abc='; frame-ancestors 'none'");
    expect(html.get('strict-transport-security')).toBeNull();
  });
});

describe('the build step that collects page policies', () => {
  it('maps built files to site paths and refuses a page without a policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-csp-'));
    try {
      mkdirSync(join(dir, 'steps', 'a'), { recursive: true });
      const page = (policy: string) => `<!doctype html><head><meta http-equiv="content-security-policy" content="${policy}"></head>`;
      writeFileSync(join(dir, 'index.html'), page("script-src 'self';"));
      writeFileSync(join(dir, 'steps', 'a', 'index.html'), page("script-src 'self' 'sha256-abc=';"));
      writeFileSync(join(dir, '404.html'), page("style-src 'self';"));
      expect(pagePolicies(dir, builtFiles(dir, HTML))).toEqual({
        '/': "script-src 'self'; frame-ancestors 'none'",
        '/steps/a/': "script-src 'self' 'sha256-abc='; frame-ancestors 'none'",
        '/404.html': "style-src 'self'; frame-ancestors 'none'",
      });
      writeFileSync(join(dir, 'steps', 'a', 'index.html'), '<!doctype html><head><script>alert(1)</script></head>');
      expect(() => pagePolicies(dir, builtFiles(dir, HTML))).toThrow('/steps/a/ has no Content-Security-Policy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds HSTS to the static-host headers only for an https site', () => {
    expect(staticHostHeaders({ https: true })).toContain('Strict-Transport-Security: max-age=');
    expect(staticHostHeaders({ https: false })).not.toContain('Strict-Transport-Security');
  });
});
