/**
 * Page scripts that start when their markup comes into view, as Astro's `client:visible` islands do, without a
 * framework: a root rendered on the server as `<… data-wake="name" data-asleep>` gets the module named `name` loaded
 * once any of it is on screen, and started on that root, which then loses `data-asleep`. A load that fails (offline)
 * is tried again when the browser is back online.
 */
import type { MountShare } from './quiz/quiz-result';
import type { CommentForms } from './comments/forms';

/**
 * The Preact parts a page script shows on demand, loaded only then: the page passes in their loaders
 * (src/components/SiteScript.astro), since scripts in this folder never import islands.
 */
export interface PreactParts {
  /** The share control of a quiz result. */
  loadShare: () => Promise<MountShare>;
  /** The comment forms. */
  loadForms: () => Promise<CommentForms>;
}

/** A page script's module: `start` takes over its server-rendered root. */
export interface PageScript {
  start(root: HTMLElement, parts: PreactParts): void;
}

export function wakeOnVisible(scripts: Record<string, () => Promise<PageScript>>, parts: PreactParts): void {
  const observer = new IntersectionObserver((entries) => {
    for (const { isIntersecting, target } of entries) {
      const load = scripts[(target as HTMLElement).dataset['wake']!];
      if (!isIntersecting || !load) continue;
      observer.unobserve(target);
      load().then(
        (script) => {
          script.start(target as HTMLElement, parts);
          target.removeAttribute('data-asleep');
        },
        () => addEventListener('online', () => observer.observe(target), { once: true }),
      );
    }
  });
  for (const root of document.querySelectorAll('[data-wake][data-asleep]')) observer.observe(root);
}
