/**
 * What a share control's button does (its markup: src/islands/share/Share.tsx): the system share sheet where the
 * browser can share the link, otherwise copying it, with the outcome shown and announced. One implementation for the
 * share bars of static pages (src/components/ShareBar.astro) and the control an island shows (the quiz result).
 */

/** True where the Web Share API exists and says it can share this link. */
function canWebShare(data: ShareData): boolean {
  return typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare(data);
}

/** Copies the link; the message says it worked, or gives the link to copy by hand. */
async function copyLink(url: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(url);
    return 'Link copied. You can paste it anywhere.';
  } catch {
    return `Couldn’t copy automatically. The link is ${url}`;
  }
}

/** Opens the share sheet; closing it is not a failure, anything else falls back to copying. */
async function webShare(data: ShareData & { url: string }): Promise<string> {
  try {
    await navigator.share(data);
    return '';
  } catch (error) {
    return (error as DOMException).name === 'AbortError' ? '' : copyLink(data.url);
  }
}

/**
 * Makes one control work: its button, hidden in the HTML (without script there is no clipboard), shows as
 * "Share…" or "Copy link" and reports the outcome in the control's status line.
 */
export function wireShareControl(control: HTMLElement): void {
  const button = control.querySelector<HTMLButtonElement>('[data-share-button]');
  const status = control.querySelector<HTMLElement>('[data-share-status]');
  const url = control.dataset['shareUrl'];
  const text = control.dataset['shareText'] ?? document.title;
  if (!button || !status || !url) return;
  const native = canWebShare({ title: text, url });
  if (native) button.textContent = 'Share…';
  button.hidden = false;
  button.addEventListener('click', async () => {
    status.textContent = native ? await webShare({ title: text, text, url }) : await copyLink(url);
  });
}
