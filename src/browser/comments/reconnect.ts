/**
 * Keeps a thread coming through a lost connection: a load as soon as the browser is back online, and retries by
 * themselves after no answer at all.
 */
import type { Thread, ThreadState } from '../../stores/comments.ts';

/** No answer at all is a lost connection too, whatever navigator.onLine says (it can stay true behind a dead link). */
export const noAnswer = (state: ThreadState): boolean => state.phase === 'failed' && state.failure?.code === 'network';

/** Starts watching; `changed` runs whenever the browser goes online or offline. */
export function keepLoading(thread: Thread, changed: () => void): void {
  const update = () => {
    changed();
    // Back online after a failed load: load the thread now rather than asking for a retry.
    if (navigator.onLine && thread.state.get().phase === 'failed') void thread.load();
  };
  addEventListener('online', update);
  addEventListener('offline', update);

  // No answer at all: try again by itself, sooner first, then every half minute at most (the browser may never say
  // it is back online), so the thread appears once the connection does.
  let retries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  thread.state.listen((state, old) => {
    if (state.phase === old?.phase && state.failure === old.failure) return;
    clearTimeout(timer);
    if (state.phase === 'ready') retries = 0;
    if (noAnswer(state)) {
      timer = setTimeout(() => {
        retries += 1;
        void thread.load();
      }, Math.min(2_000 * 2 ** retries, 30_000));
    }
  });
}
