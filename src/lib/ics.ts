/** A small iCalendar (RFC 5545) writer: one all-day event with an optional reminder. Pure: no DOM, no clock. */
import { isCalendarDate } from './reader-state.ts';

/** RFC 5545 §3.1: content lines are split so that no line is longer than 75 octets (not counting CRLF). */
export const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

export interface AllDayEvent {
  /** Globally unique and stable for this event, e.g. `<random>@<host>` (§3.8.4.7). */
  uid: string;
  /** The day, `YYYY-MM-DD`, as a floating date: the same calendar day wherever the reader is. */
  date: string;
  summary: string;
  description?: string;
  /** When the file was made (DTSTAMP, §3.8.7.2). */
  createdAt: Date;
  /** Alarm this long after the start of the day (540: 9 am that day); none when undefined. */
  alarmMinutesAfterStart?: number;
}

function parseIsoDate(value: string): Date {
  if (!isCalendarDate(value)) throw new RangeError(`Not a date (YYYY-MM-DD): "${value}"`);
  return new Date(`${value}T00:00:00Z`);
}

function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day after, `YYYY-MM-DD`: the exclusive end of an all-day event. */
export function nextDay(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  date.setUTCDate(date.getUTCDate() + 1);
  return isoDateOf(date);
}

/** `2025-03-01` → `20250301` (DATE value, §3.3.4). */
export function icsDate(isoDate: string): string {
  parseIsoDate(isoDate);
  return isoDate.replaceAll('-', '');
}

/** UTC DATE-TIME, `20250301T093000Z` (§3.3.5, form 2). */
export function icsUtcDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into 75-octet pieces joined by CRLF + space, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += character;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join(`${CRLF} `);
}

/** A positive DURATION in minutes (§3.3.6): 540 → `PT9H`, 90 → `PT1H30M`, 0 → `PT0M`. */
export function icsDuration(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`Not a whole number of minutes: ${minutes}`);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}

/**
 * A complete VCALENDAR holding the event, CRLF line ends, lines folded. The default PRODID names no site: the file
 * can sit in a downloads folder or a calendar export without saying where it came from.
 */
export function buildCalendar(event: AllDayEvent, productId = '-//Reminder//Calendar 1.0//EN'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsUtcDateTime(event.createdAt)}`,
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    `DTEND;VALUE=DATE:${icsDate(nextDay(event.date))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    // Private: a shared or delegated calendar shows the time as busy, not the text.
    'CLASS:PRIVATE',
    'TRANSP:TRANSPARENT',
    ...(event.alarmMinutesAfterStart === undefined
      ? []
      : ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(event.summary)}`, `TRIGGER;RELATED=START:${icsDuration(event.alarmMinutesAfterStart)}`, 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
