/**
 * Share a page: the system share sheet where the browser can share this link, otherwise "Copy
 * link" with a visible, announced confirmation; plus plain links for email and messengers. The
 * text is the page title and the site name, never anything the reader answered.
 *
 * In another island (the quiz result): <Share url={quizResultPath(quizId, band.id)} title={stepTitle} label="Share this result" />
 * On a page, use src/components/ShareBar.astro: the same markup, made to work by a few hundred
 * bytes of script instead of a hydrated island.
 */
import { useEffect, useState } from 'preact/hooks';
import { canWebShare, copyLink, webShare } from '../../browser/share-actions';
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

export function Share({ url, title, label = 'Share this page' }: Props) {
  const shareUrl = cleanShareUrl(url, canonicalBase());
  const text = shareText(title);
  // From the URL, so the server and the browser agree on it (one share control per link on a page).
  const labelId = `share-${new URL(shareUrl).pathname.replace(/[^a-z0-9]+/gi, '-')}label`;
  // Rendered on the server (or before mount) as a hidden "Copy link": without script there is no clipboard.
  const [mode, setMode] = useState<'none' | 'copy' | 'share'>('none');
  const [status, setStatus] = useState('');

  useEffect(() => setMode(canWebShare({ title: text, url: shareUrl }) ? 'share' : 'copy'), [text, shareUrl]);

  const act = async () => setStatus(mode === 'share' ? await webShare({ title: text, text, url: shareUrl }) : await copyLink(shareUrl));

  return (
    <div class="share no-print" role="group" aria-labelledby={labelId} data-pagefind-ignore data-share-url={shareUrl} data-share-text={text}>
      <p id={labelId} class="share-label">
        {label}
      </p>
      <ul class="share-actions">
        <li>
          <button type="button" class="share-button" onClick={act} hidden={mode === 'none'} data-share-button>
            {mode === 'share' ? 'Share…' : 'Copy link'}
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
      <p class="share-status" role="status" data-share-status>
        {status}
      </p>
    </div>
  );
}

export default Share;
