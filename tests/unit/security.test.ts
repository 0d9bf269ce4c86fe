import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/security/csp';
import { NON_DOCUMENT_CSP, REFERRER_POLICY, SECURITY_HEADERS, securityHeaders, staticHostHeaders } from '../../src/security/headers';
import { headScript } from '../../src/security/inline-scripts';
import { json } from '../../src/server/respond';
import { DEFAULT_SITE_URL, servedOverHttps, siteOrigin } from '../../src/server/entry/site-url.mjs';
import { stateStorageKey, stateVersion } from '../../src/lib/reader-state';

const names = (headers: [string, string][]) => headers.map(([name]) => name);

describe('the security header table', () => {
  it('lists each header once', () => {
    const all = SECURITY_HEADERS.map((header) => header.name);
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives pages, files and API responses the same referrer policy', () => {
    for (const audience of ['page', 'file', 'api'] as const) {
      expect(Object.fromEntries(securityHeaders(audience, { https: false }))['Referrer-Policy'], audience).toBe(REFERRER_POLICY);
    }
    expect(staticHostHeaders({ https: false })).toContain(`Referrer-Policy: ${REFERRER_POLICY}\n`);
  });

  it('adds HSTS only over https, and document rules only to pages and API responses', () => {
    expect(names(securityHeaders('page', { https: false }))).not.toContain('Strict-Transport-Security');
    for (const audience of ['page', 'file', 'api'] as const) {
      expect(names(securityHeaders(audience, { https: true })), audience).toContain('Strict-Transport-Security');
    }
    expect(names(securityHeaders('file', { https: false }))).not.toContain('Permissions-Policy');
    expect(names(securityHeaders('page', { https: false }))).not.toContain('Content-Security-Policy');
  });

  it('is what the comments API sends', () => {
    const headers = json({ ok: true }).headers;
    for (const [name, value] of securityHeaders('api', { https: false })) expect(headers.get(name), name).toBe(value);
    expect(headers.get('content-security-policy')).toBe(NON_DOCUMENT_CSP);
  });
});

describe('inline scripts', () => {
  it('carry the hash of their exact text', () => {
    for (const script of [headScript(), headScript('take-time')]) {
      expect(script.hash).toBe(`sha256-${createHash('sha256').update(script.text, 'utf8').digest('base64')}`);
      expect(() => new Function(script.text)).not.toThrow();
    }
  });

  it('are allowed by each page, not by the policy every page shares', () => {
    const policy = contentSecurityPolicy({ https: false });
    expect(policy.scriptDirective?.hashes ?? []).toEqual([]);
    expect(policy.directives).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ https: true }).directives).toContain('upgrade-insecure-requests');
  });

  it("read the reader state's own storage key and version", () => {
    expect(headScript('take-time').text).toContain(`${JSON.stringify(stateStorageKey)},${stateVersion},"take-time")`);
  });
});

describe('SITE_URL', () => {
  it('names an origin, or nothing when unset', () => {
    expect(siteOrigin('https://example.org/guide/')).toBe('https://example.org');
    expect(siteOrigin(' http://localhost:4321/ ')).toBe(DEFAULT_SITE_URL);
    expect(siteOrigin(undefined)).toBeNull();
    expect(siteOrigin('  ')).toBeNull();
  });

  it('refuses anything but an absolute http(s) URL, saying so', () => {
    for (const value of ['not a url', 'example.org', 'ftp://example.org']) {
      expect(() => siteOrigin(value), value).toThrow(/SITE_URL must be an absolute URL/);
    }
  });

  it('says https from the run-time value, else from the built address', () => {
    expect(servedOverHttps('https://example.org', 'http://localhost:4321')).toBe(true);
    expect(servedOverHttps('http://example.org', 'https://example.org')).toBe(false);
    expect(servedOverHttps(undefined, 'https://example.org')).toBe(true);
    expect(servedOverHttps('not a url', 'http://localhost:4321')).toBe(false);
  });
});
