// The Node server's entry (src/server/entry/site-server.mjs), installed the way the build installs it, in front of a
// stand-in for Astro's entry, over a small built client folder: no site build needed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFiles, HTML } from '../../src/integrations/after-build';
import { installServerEntry } from '../../src/integrations/security-headers';
import { NON_DOCUMENT_CSP, REFERRER_POLICY, SEARCH_WORKER_CSP, SERVICE_WORKER_CSP } from '../../src/security/headers';
import { pagePolicies, searchWorkerPath, serverSecurityHeaders } from '../../src/security/server-headers';

const page = (policy: string) => `<!doctype html><head><meta http-equiv="content-security-policy" content="${policy}"></head>`;

/** Astro's entry as the wrapper uses it: `handler` answers what the wrapper passes on (on-demand routes). */
const astroEntry = `export const options = { mode: 'middleware' };
export const handler = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Answered-By': 'astro' });
  res.end('rendered on demand');
};
export function startServer() { throw new Error('not started in these tests'); }
`;

/** The API entry as the wrapper uses it (the build makes it from src/server/api-entry.ts). */
const apiEntry = `export const createApiHandler = () => (req, res) => {
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'X-Answered-By': 'api' });
  res.end('{"error":{"code":"not_found","message":"No such thing."}}');
};
`;

const folders: string[] = [];
const servers: Server[] = [];

/** A built output with the site's entry installed, served on a free port; SITE_URL as given when the entry loads. */
async function serveBuild(siteUrl: string | undefined): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'bt-entry-'));
  folders.push(root);
  const clientDir = join(root, 'client');
  const serverDir = join(root, 'server');
  mkdirSync(join(clientDir, 'steps', 'a'), { recursive: true });
  mkdirSync(serverDir);
  writeFileSync(join(clientDir, 'index.html'), page("script-src 'self'"));
  writeFileSync(join(clientDir, 'steps', 'a', 'index.html'), page("script-src 'self' 'sha256-abc='"));
  writeFileSync(join(clientDir, '404.html'), page("style-src 'self'"));
  writeFileSync(join(clientDir, 'app.js'), 'export {};');
  writeFileSync(join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  mkdirSync(join(clientDir, '_astro'));
  writeFileSync(join(clientDir, '_astro', 'search-worker-a1B2c3.js'), 'self.addEventListener("message", () => {});');
  writeFileSync(join(serverDir, 'entry.mjs'), astroEntry);
  const pages = pagePolicies(clientDir, builtFiles(clientDir, HTML));
  const config = serverSecurityHeaders({ site: 'http://localhost:4321', pages, clientDir, serverDir, searchWorker: searchWorkerPath(clientDir) });
  writeFileSync(join(serverDir, 'security-headers.json'), JSON.stringify(config));
  expect(installServerEntry(serverDir)).toBe(true);
  // What the server build writes beside the entry (src/integrations/server-entries.ts).
  writeFileSync(join(serverDir, 'adapter-options.mjs'), "export const mode = 'middleware';\n");
  writeFileSync(join(serverDir, 'routes.json'), JSON.stringify({ onDemand: ['^/_image$'] }));
  writeFileSync(join(serverDir, 'api-entry.mjs'), apiEntry);

  const saved = process.env['SITE_URL'];
  if (siteUrl === undefined) delete process.env['SITE_URL'];
  else process.env['SITE_URL'] = siteUrl;
  const entry = (await import(pathToFileURL(join(serverDir, 'entry.mjs')).href)) as { handler: RequestListener };
  if (saved === undefined) delete process.env['SITE_URL'];
  else process.env['SITE_URL'] = saved;

  const server = createServer(entry.handler);
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the server entry over plain http', () => {
  let site: string;
  beforeAll(async () => {
    site = await serveBuild(undefined);
  });

  it("sends a page every page header and the page's own policy with frame-ancestors", async () => {
    for (const path of ['/steps/a/', '/steps/a', '/steps/a/index.html']) {
      const response = await get(`${site}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe("script-src 'self' 'sha256-abc='; frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy'), path).toBe(REFERRER_POLICY);
      expect(response.headers.get('permissions-policy'), path).toContain('camera=()');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('sends other files only what applies to them, and each worker script its own policy', async () => {
    const script = await get(`${site}/app.js`);
    expect(script.headers.get('content-security-policy')).toBe(NON_DOCUMENT_CSP);
    expect(script.headers.get('referrer-policy')).toBe(REFERRER_POLICY);
    expect(script.headers.get('permissions-policy')).toBeNull();
    const worker = await get(`${site}/sw.js`);
    expect(worker.headers.get('content-security-policy')).toBe(SERVICE_WORKER_CSP);
    // The search worker loads Pagefind and compiles its WebAssembly; the file policy would stop both.
    const search = await get(`${site}/_astro/search-worker-a1B2c3.js`);
    expect(search.headers.get('content-security-policy')).toBe(SEARCH_WORKER_CSP);
  });

  it('finds the one search worker script a build wrote, and refuses a build without it', () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'bt-entry-'));
    folders.push(clientDir);
    mkdirSync(join(clientDir, '_astro'));
    expect(() => searchWorkerPath(clientDir)).toThrow('expected one search worker script in _astro/, found 0');
    writeFileSync(join(clientDir, '_astro', 'search-worker-Zz9_.js'), '');
    writeFileSync(join(clientDir, '_astro', 'search-worker-Zz9_.js.br'), '');
    expect(searchWorkerPath(clientDir)).toBe('/_astro/search-worker-Zz9_.js');
  });

  it('sends /api/ straight to the API entry, with the headers of a file', async () => {
    const response = await get(`${site}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-answered-by')).toBe('api');
  });

  it('answers an unknown page with the built not-found page, without Astro', async () => {
    const response = await fetch(`${site}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-answered-by')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe("style-src 'self'; frame-ancestors 'none'");
    expect(await response.text()).toContain('style-src');
  });

  it("passes an on-demand route to Astro's entry, with the not-found page's headers set first", async () => {
    const response = await get(`${site}/_image`);
    expect(response.headers.get('x-answered-by')).toBe('astro');
    expect(response.headers.get('referrer-policy')).toBe(REFERRER_POLICY);
    expect(response.headers.get('content-security-policy')).toBe("style-src 'self'; frame-ancestors 'none'");
  });

  it('answers an API path it cannot decode in JSON itself', async () => {
    const response = await fetch(`${site}/api/comments/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_path' } });
  });
});

describe('the server entry when SITE_URL is https', () => {
  it('adds HSTS to pages and files', async () => {
    const site = await serveBuild('https://back-together.example');
    for (const path of ['/', '/app.js']) {
      expect((await get(`${site}${path}`)).headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    }
  });

  it('ignores a SITE_URL it cannot read (the API reports it) and goes by the built address', async () => {
    const site = await serveBuild('not a url');
    expect((await get(`${site}/`)).headers.get('strict-transport-security')).toBeNull();
  });
});
