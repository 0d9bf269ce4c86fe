const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago", then a plain date: how long ago `then` was at `now`. */
export function relativeTime(then: number, now: number): string {
  const elapsed = now - then;
  // Clocks disagree by a little: a time slightly in the future is still "just now".
  if (elapsed < 45 * 1000) return 'just now';
  if (elapsed < HOUR) return relative.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute');
  if (elapsed < DAY) return relative.format(-Math.round(elapsed / HOUR), 'hour');
  if (elapsed < WEEK) return relative.format(-Math.round(elapsed / DAY), 'day');
  if (elapsed < 5 * WEEK) return relative.format(-Math.round(elapsed / WEEK), 'week');
  return absolute.format(then);
}

const exact = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** The full date and time, for a tooltip: "12 March 2025 at 14:05 UTC". */
export function exactTime(then: number): string {
  return `${exact.format(then)} UTC`;
}
