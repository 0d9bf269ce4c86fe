/**
 * The comment forms (comment-panels.tsx) load on first use: most readers only read, so the thread never downloads
 * them for those readers. One load per page, shared by every form that asks.
 */
import { useEffect, useState } from 'preact/hooks';

export type Panels = typeof import('./comment-panels.tsx');

let panelsLoading: Promise<Panels> | undefined;

export const FORM_LOAD_FAILED = 'The form could not be loaded. Check your connection and try again.';

/**
 * The forms module once `wanted` turns true, or `loadFailed`. Changing `attempt` tries again after a failure.
 */
export function usePanels(wanted: boolean, attempt = 0): { panels?: Panels; loadFailed: boolean } {
  const [panels, setPanels] = useState<Panels>();
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    if (!wanted || panels) return;
    let live = true;
    setLoadFailed(false);
    panelsLoading ??= import('./comment-panels.tsx');
    panelsLoading.then(
      (loaded) => live && setPanels(() => loaded),
      () => {
        // Let the next attempt try the network again.
        panelsLoading = undefined;
        if (live) setLoadFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, panels, attempt]);
  return { ...(panels && { panels }), loadFailed };
}
