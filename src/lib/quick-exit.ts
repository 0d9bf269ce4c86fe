/** "Exit this page": where it goes, and the triple-Shift shortcut's counting, as pure functions over key releases. */

/** A neutral page to land on; GOV.UK's Exit this page uses the same one. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';
/** Shift presses that leave the page. */
export const SHIFT_PRESSES_TO_EXIT = 3;
/** All presses must land within this many milliseconds of the first one. */
export const SHIFT_WINDOW_MS = 5000;
/** Said when the window closes before the third press. */
export const EXPIRED_ANNOUNCEMENT = 'Exit this page expired.';

/**
 * The exit destination from the QUICK_EXIT_URL setting: an absolute http(s) URL or a path on this site.
 * Anything else throws, so a typo fails the build instead of shipping a broken way out.
 */
export function resolveQuickExitUrl(setting: string | undefined): string {
  const value = setting?.trim() ?? '';
  if (value === '') return DEFAULT_QUICK_EXIT_URL;
  // A site path ("/", "/weather/") but not a protocol-relative URL ("//elsewhere.example").
  if (/^\/(?!\/)/.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`QUICK_EXIT_URL must be an absolute http(s) URL or a path starting with "/", not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`QUICK_EXIT_URL must use http or https, not "${url.protocol}"`);
  }
  return url.href;
}

export interface ShiftCounter {
  /** When the counted Shift presses happened (ms), oldest first. */
  readonly presses: readonly number[];
  /** The previous key release had Shift held: the Shift release after a capital letter is not a press of its own. */
  readonly lastKeyWasModified: boolean;
}

export const initialShiftCounter: ShiftCounter = { presses: [], lastKeyWasModified: false };

/** The parts of a `keyup` event the counter needs, plus when it happened. */
export interface KeyRelease {
  key: string;
  shiftKey: boolean;
  at: number;
}

export type ShiftOutcome =
  /** A Shift press counted; `remaining` more leave the page. */
  | { kind: 'counted'; remaining: number }
  | { kind: 'exit' }
  /** Another key interrupted a sequence that had started. */
  | { kind: 'interrupted' }
  | { kind: 'ignored' };

/** The window that started with the first counted press closes at this time; null when nothing is counted. */
export function windowClosesAt(counter: ShiftCounter): number | null {
  const first = counter.presses[0];
  return first === undefined ? null : first + SHIFT_WINDOW_MS;
}

/** Counts one key release (keyup: a held key repeats keydown but releases once). */
export function countKeyRelease(counter: ShiftCounter, release: KeyRelease): { counter: ShiftCounter; outcome: ShiftOutcome } {
  const lastKeyWasModified = release.shiftKey;
  if (release.key !== 'Shift') {
    const outcome: ShiftOutcome = counter.presses.length > 0 ? { kind: 'interrupted' } : { kind: 'ignored' };
    return { counter: { presses: [], lastKeyWasModified }, outcome };
  }
  // Letting go of Shift after typing a capital letter is typing, not a press of the shortcut.
  if (counter.lastKeyWasModified) return { counter: { presses: counter.presses, lastKeyWasModified }, outcome: { kind: 'ignored' } };
  const closesAt = windowClosesAt(counter);
  // A window that has already closed starts over with this press.
  const earlier = closesAt !== null && release.at >= closesAt ? [] : counter.presses;
  const presses = [...earlier, release.at];
  if (presses.length >= SHIFT_PRESSES_TO_EXIT) return { counter: initialShiftCounter, outcome: { kind: 'exit' } };
  return { counter: { presses, lastKeyWasModified }, outcome: { kind: 'counted', remaining: SHIFT_PRESSES_TO_EXIT - presses.length } };
}

/** Forgets the presses once their window has closed; returns the same counter when it is still open. */
export function expireShiftCounter(counter: ShiftCounter, now: number): ShiftCounter {
  const closesAt = windowClosesAt(counter);
  return closesAt !== null && now >= closesAt ? { presses: [], lastKeyWasModified: counter.lastKeyWasModified } : counter;
}

/** What a screen reader hears after a counted press, e.g. "Shift, press 2 more times to exit." */
export function shiftAnnouncement(remaining: number): string {
  return `Shift, press ${remaining} more ${remaining === 1 ? 'time' : 'times'} to exit.`;
}
