/** Makes the static share bars on a page work (src/components/ShareBar.astro): no island, no framework. */
import { canWebShare, copyLink, webShare } from './share-actions';

for (const bar of document.querySelectorAll<HTMLElement>('[data-share-bar] [data-share-url]')) {
  const button = bar.querySelector<HTMLButtonElement>('[data-share-button]');
  const status = bar.querySelector<HTMLElement>('[data-share-status]');
  const url = bar.dataset['shareUrl'];
  const text = bar.dataset['shareText'] ?? document.title;
  if (!button || !status || !url) continue;
  const native = canWebShare({ title: text, url });
  if (native) button.textContent = 'Share…';
  button.hidden = false;
  button.addEventListener('click', async () => {
    status.textContent = native ? await webShare({ title: text, text, url }) : await copyLink(url);
  });
}
