/**
 * Page scripts that start when their markup comes into view, as Astro's `client:visible` islands do, without a
 * framework: a root rendered on the server as `<… data-wake="name" data-asleep>` gets its code loaded once any of it
 * is on screen, then started on that root, which then loses `data-asleep`. A load that fails (offline) is tried again
 * when the browser is back online.
 */

/** Starts a page script on its server-rendered root. */
export type Start = (root: HTMLElement) => void;

export function wakeOnVisible(name: string, load: () => Promise<Start>): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-wake="${name}"][data-asleep]`)) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load().then(
        (start) => {
          start(root);
          root.removeAttribute('data-asleep');
        },
        () => addEventListener('online', () => observer.observe(root), { once: true }),
      );
    });
    observer.observe(root);
  }
}
