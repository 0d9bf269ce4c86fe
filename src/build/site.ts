/** Canonical origin of the site, from SITE_URL at build time (astro.config.mjs sets `site` from it). */
export function siteOrigin(site: URL | undefined): string {
  return (site?.href ?? 'http://localhost:4321/').replace(/\/+$/, '');
}
