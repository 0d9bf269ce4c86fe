// @ts-check
/**
 * SITE_URL, the site's public address, read in this one place: by astro.config.mjs (the build's `site`), the comments
 * service's settings (src/server/config.ts), the middleware and the Node server's entry. Plain JavaScript: the built
 * server runs this file as it is, copied beside its entry.
 */

/** The address the site is built for when SITE_URL is unset: where `npm start` listens. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * The origin a SITE_URL value names (`https://example.org/guide/` → `https://example.org`); null when it is unset or
 * blank. Throws a TypeError, saying what is wrong, on anything but an absolute http or https URL.
 * @param {string | undefined} value
 * @returns {string | null}
 */
export function siteOrigin(value) {
  const setting = value?.trim() ?? '';
  if (setting === '') return null;
  /** @type {URL | undefined} */
  let url;
  try {
    url = new URL(setting);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new TypeError(`SITE_URL must be an absolute URL such as https://example.org, not "${setting}"`);
  }
  return url.origin;
}

/**
 * True when the site is served over https: as SITE_URL says at run time, else as the address it was built for.
 * A run-time value that cannot be read counts as unset here; the comments API reports it (src/server/config.ts).
 * @param {string | undefined} runtimeValue SITE_URL when the server starts
 * @param {string | undefined} builtSite the build's `site`
 */
export function servedOverHttps(runtimeValue, builtSite) {
  let origin = null;
  try {
    origin = siteOrigin(runtimeValue);
  } catch {
    // Unreadable: fall back to the built address below.
  }
  return (origin ?? builtSite ?? '').startsWith('https://');
}
