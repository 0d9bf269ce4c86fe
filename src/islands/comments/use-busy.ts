/** A control that waits for its own action: busy from the click until the action settles, so it cannot run twice. */
import { useState } from 'preact/hooks';

export function useBusy(): [busy: boolean, run: (action: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    await action();
    setBusy(false);
  };
  return [busy, run];
}
