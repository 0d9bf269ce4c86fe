/**
 * What a shared link says and where it points. Pure: used by the Share island, the pages and the
 * preview-image endpoint. Discreet by design: share text and previews name the guide page, never
 * the reader's situation or answers, and links carry no tracking parameters.
 */

import { siteName, type PageHead } from './head';

/** Width and height of every preview image (the size Open Graph and X/Twitter cards expect). */
export const previewImageSize = { width: 1200, height: 630 } as const;

/** "Take time apart first · Back Together": the page title and the site name, nothing about the reader. */
export function shareText(title: string): string {
  return `${title} · ${siteName}`;
}

/**
 * The URL to share: the page itself, without query (highlight terms, tracking) or fragment. A site
 * path is resolved against `base` (in the browser, the page's canonical URL).
 */
export function cleanShareUrl(url: string, base?: string): string {
  const clean = new URL(url, base);
  clean.search = '';
  clean.hash = '';
  return clean.href;
}

export interface ShareLink {
  /** Stable id, also the CSS hook. */
  id: 'email' | 'whatsapp' | 'telegram' | 'sms';
  label: string;
  href: string;
}

/**
 * Plain links for email and the common messengers: no scripts, no tracking, the service gets the
 * link only when the reader clicks. Signal has no share URL, so it is not listed.
 */
export function shareLinks(page: { url: string; title: string }): ShareLink[] {
  const url = cleanShareUrl(page.url);
  const text = shareText(page.title);
  const message = encodeURIComponent(`${text}\n${url}`);
  return [
    { id: 'email', label: 'Email', href: `mailto:?subject=${encodeURIComponent(text)}&body=${message}` },
    { id: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${message}` },
    { id: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}` },
    // "sms:?&body=" is the form both iOS and Android Messages read.
    { id: 'sms', label: 'Text message', href: `sms:?&body=${message}` },
  ];
}

/** Path of a page's preview image: /steps/take-time/ → /og/steps/take-time.png; the home page uses the default. */
export function previewImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed === '' ? 'default' : trimmed}.png`;
}

/** What a preview image shows: a small line above the title, the title, and the site name below. */
export interface PreviewCard {
  eyebrow?: string;
  title: string;
}

/** The `image` for a page's head: its own preview image, described for screen readers. */
export function previewImageFor(pagePath: string, card: PreviewCard): NonNullable<PageHead['image']> {
  return {
    path: previewImagePath(pagePath),
    ...previewImageSize,
    alt: [card.eyebrow, card.title, siteName].filter(Boolean).join(' · '),
  };
}

/** The preview card of a guide page: "Step 3 of 9" or "Article" above its title. */
export function guidePreviewCard(page: { title: string; kind: 'step' | 'article' | 'page'; step?: number | undefined; stepCount?: number }): PreviewCard {
  if (page.kind === 'step' && page.step !== undefined) {
    return { eyebrow: page.stepCount ? `Step ${page.step} of ${page.stepCount}` : `Step ${page.step}`, title: page.title };
  }
  return page.kind === 'article' ? { eyebrow: 'Article', title: page.title } : { title: page.title };
}

/**
 * The preview of a shared quiz result names the check-in and its guide page, not the band: the
 * person who sees the link in a chat learns which step the sharer is on, never how it went.
 */
export function quizResultPreviewCard(host: { title: string; step?: number | undefined }): PreviewCard {
  return { eyebrow: host.step !== undefined ? `Check-in · Step ${host.step}` : 'Check-in', title: host.title };
}

/** Title used for Open Graph and X/Twitter on a shared result page (the page's own title names the band). */
export function quizResultShareTitle(hostTitle: string): string {
  return `A check-in from “${hostTitle}”`;
}
