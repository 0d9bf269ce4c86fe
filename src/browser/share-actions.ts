/**
 * What the share button does, for the Share island and the static share bar alike: the system
 * share sheet where the browser can share the link, otherwise copying it. Each returns the
 * message to show and announce.
 */

/** True where the Web Share API exists and says it can share this link. */
export function canWebShare(data: ShareData): boolean {
  return typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare(data);
}

/** Copies the link; the message says it worked, or gives the link to copy by hand. */
export async function copyLink(url: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(url);
    return 'Link copied. You can paste it anywhere.';
  } catch {
    return `Couldn’t copy automatically. The link is ${url}`;
  }
}

/** Opens the share sheet; closing it is not a failure, anything else falls back to copying. */
export async function webShare(data: ShareData & { url: string }): Promise<string> {
  try {
    await navigator.share(data);
    return '';
  } catch (error) {
    return (error as DOMException).name === 'AbortError' ? '' : copyLink(data.url);
  }
}
