/**
 * Page scripts that start when their markup comes into view, as Astro's `client:visible` islands do, without a
 * framework: a root rendered on the server as `<… data-wake="name" data-asleep>` gets the module named `name` loaded
 * once any of it is on screen, and started on that root, which then loses `data-asleep`. A load that fails (offline)
 * is tried again when the browser is back online. A root with `data-wake-data="path"` has that file fetched alongside
 * the script (the quiz's data), so the two downloads do not wait for each other; the script gets the response.
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

/**
 * A page script's module: `start` takes over its server-rendered root, given the response for its `data-wake-data`
 * (rejected when the fetch failed). The root stays asleep until the promise `start` returns has settled.
 */
export interface PageScript {
  start(root: HTMLElement, parts: PreactParts, data?: Promise<Response>): void | Promise<void>;
}

export function wakeOnVisible(scripts: Record<string, () => Promise<PageScript>>, parts: PreactParts): void {
  const observer = new IntersectionObserver((entries) => {
    for (const { isIntersecting, target } of entries) {
      const load = scripts[(target as HTMLElement).dataset['wake']!];
      if (!isIntersecting || !load) continue;
      observer.unobserve(target);
      const dataPath = (target as HTMLElement).dataset['wakeData'];
      const data = dataPath ? fetch(dataPath) : undefined;
      // Not left unhandled when the script fails to load; `start` sees the rejection itself.
      data?.catch(() => undefined);
      load().then(
        async (script) => {
          await script.start(target as HTMLElement, parts, data);
          target.removeAttribute('data-asleep');
        },
        () => addEventListener('online', () => observer.observe(target), { once: true }),
      );
    }
  });
  for (const root of document.querySelectorAll('[data-wake][data-asleep]')) observer.observe(root);
}
