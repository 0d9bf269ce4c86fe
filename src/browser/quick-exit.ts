/**
 * "Exit this page": the links marked [data-quick-exit], and Shift pressed three times within five seconds, hide the
 * page at once and replace this history entry with a neutral page, so Back does not bring this one back.
 */
import {
  EXPIRED_ANNOUNCEMENT,
  countKeyRelease,
  expireShiftCounter,
  initialShiftCounter,
  shiftAnnouncement,
  windowClosesAt,
} from '../lib/quick-exit';

const links = document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]');
const status = document.querySelector<HTMLElement>('[data-quick-exit-status]');
const indicator = document.querySelector<HTMLElement>('[data-quick-exit-indicator]');
const exitUrl = links[0]?.href;

let counter = initialShiftCounter;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function announce(message: string): void {
  if (status) status.textContent = message;
}

function showPresses(count: number): void {
  indicator?.setAttribute('data-presses', String(count));
}

function exitPage(): void {
  if (!exitUrl) return;
  // Hide first: the next page may take a moment to arrive, and nothing of this one should show meanwhile.
  document.body.hidden = true;
  document.title = 'Loading';
  location.replace(exitUrl);
}

function expire(): void {
  counter = expireShiftCounter(counter, Date.now());
  if (counter.presses.length === 0) {
    showPresses(0);
    announce(EXPIRED_ANNOUNCEMENT);
  }
}

for (const link of links) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    exitPage();
  });
}

// Capture phase, so a component that stops key events cannot swallow the shortcut.
document.addEventListener(
  'keyup',
  (event) => {
    if (!exitUrl || event.isComposing) return;
    const hadPresses = counter.presses.length > 0;
    const result = countKeyRelease(counter, { key: event.key, shiftKey: event.shiftKey, at: Date.now() });
    counter = result.counter;
    const { outcome } = result;
    if (outcome.kind === 'exit') {
      clearTimeout(expiryTimer);
      announce('Exiting this page.');
      exitPage();
    } else if (outcome.kind === 'counted') {
      showPresses(counter.presses.length);
      announce(shiftAnnouncement(outcome.remaining));
      // A new window opened with this press: close it on time, even if no other key comes.
      if (!hadPresses || counter.presses.length === 1) {
        clearTimeout(expiryTimer);
        expiryTimer = setTimeout(expire, (windowClosesAt(counter) ?? Date.now()) - Date.now());
      }
    } else if (outcome.kind === 'interrupted') {
      clearTimeout(expiryTimer);
      showPresses(0);
      announce('');
    }
  },
  true,
);
