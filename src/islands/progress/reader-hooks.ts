/** Hooks the progress islands share. Both return a neutral value on the server and in the hydrating render. */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { localIsoDate, msUntilNextLocalDay } from '../../lib/breakup-dates';
import { emptyState, type ReaderState } from '../../lib/reader-state';
import { readerState } from '../../stores/progress';

const serverState = () => emptyState;

/** The saved state once mounted; the empty state before, so server and hydrating HTML match. */
export function useReaderState(): ReaderState {
  return useStore(readerState, { ssr: serverState });
}

/** Today's local date (YYYY-MM-DD) once mounted, updated at each local midnight; undefined before mount. */
export function useToday(): string | undefined {
  const [today, setToday] = useState<string>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = new Date();
      setToday(localIsoDate(now));
      timer = setTimeout(tick, msUntilNextLocalDay(now));
    };
    tick();
    return () => clearTimeout(timer);
  }, []);
  return today;
}
