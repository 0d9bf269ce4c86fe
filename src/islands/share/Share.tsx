/**
 * Share a page: the system share sheet where the browser can share this link, otherwise "Copy
 * link" with a visible, announced confirmation; plus plain links for email and messengers. The
 * text is the page title and the site name, never anything the reader answered.
 *
 * The markup only: on a page, src/components/ShareBar.astro renders it to static HTML and a few hundred bytes of
 * script make its button work; in an island (the quiz result) use <LiveShare>. Both run the one behaviour in
 * src/browser/share-control.ts.
 */
import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { wireShareControl } from '../../browser/share-control';
import { cleanShareUrl, shareLinks, shareText } from '../../lib/share';
import '../../styles/share.css';

interface Props {
  /**
   * URL to share; any query or fragment is dropped. Absolute on the server; in the browser a site
   * path such as quizResultPath(…) is fine, resolved against the page's canonical URL (SITE_URL).
   */
  url: string;
  /** Title of the page (or the guide page a quiz result belongs to). */
  title: string;
  /** Visible label of the group. */
  label?: string;
}

/** The page's canonical URL in the browser; nothing on the server, where URLs must be absolute. */
const canonicalBase = () =>
  typeof document === 'undefined' ? undefined : (document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href);

export function Share({ url, title, label = 'Share this page', controlRef }: Props & { controlRef?: Ref<HTMLDivElement> }) {
  const shareUrl = cleanShareUrl(url, canonicalBase());
  const text = shareText(title);
  // From the URL, so the server and the browser agree on it (one share control per link on a page).
  const labelId = `share-${new URL(shareUrl).pathname.replace(/[^a-z0-9]+/gi, '-')}label`;
  return (
    <div {...(controlRef && { ref: controlRef })} class="share no-print" role="group" aria-labelledby={labelId} data-pagefind-ignore data-share-url={shareUrl} data-share-text={text}>
      <p id={labelId} class="share-label">
        {label}
      </p>
      <ul class="share-actions">
        <li>
          {/* Hidden until its script runs: without script there is no clipboard. */}
          <button type="button" class="share-button" hidden data-share-button>
            Copy link
          </button>
        </li>
        {shareLinks({ url: shareUrl, title }).map((link) => (
          <li key={link.id}>
            <a class="share-link" href={link.href} {...(link.href.startsWith('https:') && { target: '_blank', rel: 'noopener noreferrer' })}>
              {link.label}
              {link.href.startsWith('https:') && <span class="visually-hidden"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
      <p class="share-status" role="status" data-share-status></p>
    </div>
  );
}

/** The share control inside an island: the same markup, made to work once it is in the page. */
export function LiveShare(props: Props) {
  const control = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (control.current) wireShareControl(control.current);
  }, []);
  return <Share {...props} controlRef={control} />;
}

export default Share;
