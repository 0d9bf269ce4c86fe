/** Whether the browser says it has a connection, kept up to date by the online and offline events. */
import { useEffect, useState } from 'preact/hooks';

/** True on the server and in the hydrating render (so both match); the browser's own answer once mounted. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}
