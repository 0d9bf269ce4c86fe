/** The tags in every page's <head>: title, description, canonical, Open Graph and Twitter. */

export const siteName = 'Back Together';

export interface PageHead {
  /** Page title without the site name; absent on the home page. */
  title?: string | undefined;
  description: string;
  /** Site path with a trailing slash. */
  path: string;
  /** Absolute origin of the site, without trailing slash (SITE_URL). */
  siteUrl: string;
  type?: 'website' | 'article';
  image?: { path: string; width: number; height: number; alt: string };
  /** Title for link previews (Open Graph, X/Twitter) when it must say less than the page title. */
  shareTitle?: string;
}

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

/** Default share image for pages without their own. */
export const defaultShareImage = { path: '/og/default.png', width: 1200, height: 630, alt: `${siteName}: a calm guide for after a breakup` };

/** "Take time apart first · Back Together"; the home page is the site name with its promise. */
export function documentTitle(title: string | undefined): string {
  return title ? `${title} · ${siteName}` : `${siteName}: get your ex back, or move on well`;
}

/** Absolute URL for a site path. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href;
}

/** Meta tags for a page, in a stable order. */
export function metaTags(head: PageHead): MetaTag[] {
  const image = head.image ?? defaultShareImage;
  const title = documentTitle(head.title);
  return [
    { name: 'description', content: head.description },
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: head.shareTitle ?? head.title ?? siteName },
    { property: 'og:type', content: head.type ?? 'website' },
    { property: 'og:url', content: absoluteUrl(head.siteUrl, head.path) },
    { property: 'og:description', content: head.description },
    { property: 'og:image', content: absoluteUrl(head.siteUrl, image.path) },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    { property: 'og:image:alt', content: image.alt },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: head.shareTitle ?? title },
    { name: 'twitter:description', content: head.description },
  ];
}

export interface Breadcrumb {
  name: string;
  path: string;
}

/** JSON-LD for a guide page: the Article and its BreadcrumbList. */
export function articleJsonLd(head: PageHead & { title: string; modified?: Date; breadcrumbs: Breadcrumb[] }): object[] {
  const url = absoluteUrl(head.siteUrl, head.path);
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: head.title,
      description: head.description,
      url,
      mainEntityOfPage: url,
      image: absoluteUrl(head.siteUrl, (head.image ?? defaultShareImage).path),
      ...(head.modified && { dateModified: head.modified.toISOString() }),
      publisher: { '@type': 'Organization', name: siteName },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: head.breadcrumbs.map((crumb, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        name: crumb.name,
        item: absoluteUrl(head.siteUrl, crumb.path),
      })),
    },
  ];
}

/** JSON for a <script> data block (JSON-LD), with "<" escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
