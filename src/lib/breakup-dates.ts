/** Calendar-date arithmetic for "at least a month apart" (step 3). Pure: "today" is always passed in. */

const dayMs = 86_400_000;

/** Whole-day number of a YYYY-MM-DD date (days since 1970-01-01), free of time zones and DST. */
function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / dayMs;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The reader's local calendar date for a moment, as YYYY-MM-DD. */
export function localIsoDate(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day one calendar month later; a day the next month lacks becomes its last day (31 Jan → 28/29 Feb). */
export function oneMonthAfter(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDayOfNextMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(year, month, Math.min(day, lastDayOfNextMonth)));
  return next.toISOString().slice(0, 10);
}

export interface MonthMark {
  /** Days since the breakup (0 on the day itself). */
  daysSince: number;
  /** YYYY-MM-DD of the one-month mark. */
  markDate: string;
  /** Days left until the mark; 0 once it is reached. */
  daysUntilMark: number;
  reached: boolean;
}

/** Where the reader stands against the one-month mark on `today`. */
export function oneMonthMark(breakupDate: string, today: string): MonthMark {
  const markDate = oneMonthAfter(breakupDate);
  const daysUntilMark = Math.max(0, daysBetween(today, markDate));
  return { daysSince: daysBetween(breakupDate, today), markDate, daysUntilMark, reached: daysUntilMark === 0 };
}

/** Milliseconds from a moment to the next local midnight, when day counts change. */
export function msUntilNextLocalDay(moment: Date): number {
  const midnight = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate() + 1);
  return midnight.getTime() - moment.getTime();
}

/** "1 day", "9 days". */
export const formatDays = (count: number): string => `${count} day${count === 1 ? '' : 's'}`;

/** "14 April 2026" for a YYYY-MM-DD date, whatever the reader's time zone. */
export function formatIsoDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
