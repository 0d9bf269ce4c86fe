import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_OCTETS, buildCalendar, escapeText, foldLine, icsDate, icsDuration, icsUtcDateTime, nextDay } from '../../src/lib/ics';
import {
  REMINDER_DESCRIPTION,
  REMINDER_FILE_NAME,
  REMINDER_SUMMARY,
  monthReminderCalendar,
  monthReminderDate,
} from '../../src/lib/month-reminder';

const octets = (text: string) => new TextEncoder().encode(text).length;

/** RFC 5545 §3.1 unfolding: CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

/** Reverses TEXT escaping. */
const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, character: string) => (character.toLowerCase() === 'n' ? '\n' : character));

/** Content lines as [name with parameters, value]. */
function properties(calendar: string): [string, string][] {
  return unfold(calendar)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1)];
    });
}

const event = {
  uid: '7f9c2a1e-4b7d-4c1a-9d33-0a6e5f1b2c3d@example.org',
  date: '2025-03-01',
  summary: 'Read step 4 before you reach out',
  description: 'A line with commas, semicolons; a backslash \\ and\na new line.',
  createdAt: new Date('2025-02-01T08:30:15.123Z'),
  alarmMinutesAfterStart: 540,
};

describe('dates', () => {
  it('writes DATE values and refuses what is not a calendar date', () => {
    expect(icsDate('2024-02-29')).toBe('20240229');
    expect(() => icsDate('2025-02-29')).toThrow(RangeError);
    expect(() => icsDate('1 March 2025')).toThrow(RangeError);
  });

  it('ends an all-day event on the next day, across month and year ends', () => {
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });

  it('writes DTSTAMP in UTC without fractions', () => {
    expect(icsUtcDateTime(new Date('2025-02-01T08:30:15.123Z'))).toBe('20250201T083015Z');
  });

  it('writes durations', () => {
    expect(icsDuration(540)).toBe('PT9H');
    expect(icsDuration(90)).toBe('PT1H30M');
    expect(icsDuration(0)).toBe('PT0M');
  });
});

describe('RFC 5545 calendar file', () => {
  const calendar = buildCalendar(event);

  it('uses CRLF line ends only, ending with one', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    for (const line of calendar.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
  });

  it('has the required properties of a calendar and an all-day event', () => {
    const props = properties(calendar);
    const names = props.map(([name]) => name);
    expect(names[0]).toBe('BEGIN');
    expect(props[0]).toEqual(['BEGIN', 'VCALENDAR']);
    expect(props.at(-1)).toEqual(['END', 'VCALENDAR']);
    const value = (name: string) => props.find(([candidate]) => candidate === name)?.[1];
    expect(value('VERSION')).toBe('2.0');
    expect(value('PRODID')).toMatch(/^-\/\/.+\/\/.+\/\/EN$/);
    expect(value('UID')).toBe(event.uid);
    expect(value('DTSTAMP')).toBe('20250201T083015Z');
    expect(value('DTSTART;VALUE=DATE')).toBe('20250301');
    expect(value('DTEND;VALUE=DATE')).toBe('20250302');
    expect(value('TRIGGER;RELATED=START')).toBe('PT9H');
    expect(value('ACTION')).toBe('DISPLAY');
    // Exactly one of each per event, components balanced and nested.
    for (const name of ['UID', 'DTSTAMP', 'DTSTART;VALUE=DATE', 'SUMMARY']) expect(names.filter((candidate) => candidate === name)).toHaveLength(1);
    const stack: string[] = [];
    for (const [name, component] of props) {
      if (name === 'BEGIN') stack.push(component);
      if (name === 'END') expect(stack.pop()).toBe(component);
    }
    expect(stack).toEqual([]);
    expect(props.filter(([name]) => name === 'BEGIN').map(([, component]) => component)).toEqual(['VCALENDAR', 'VEVENT', 'VALARM']);
  });

  it('escapes TEXT values so they read back unchanged', () => {
    const description = properties(calendar).find(([name]) => name === 'DESCRIPTION')?.[1] ?? '';
    expect(description).toContain('commas\\, semicolons\\; a backslash \\\\ and\\na new line.');
    expect(unescapeText(description)).toBe(event.description);
  });

  it('folds and escapes any text losslessly, never splitting a character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const line = `SUMMARY:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const piece of folded.split('\r\n')) {
          expect(octets(piece)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
          expect(piece).not.toMatch(/[\r\n]/);
        }
        expect(folded.split('\r\n').slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
        expect(unfold(folded)).toBe(line);
        expect(unescapeText(unfold(folded).slice('SUMMARY:'.length))).toBe(text.replace(/\r\n|\r/g, '\n'));
      }),
    );
  });
});

describe('the month reminder', () => {
  const createdAt = new Date('2025-01-31T22:10:00Z');
  const calendar = monthReminderCalendar({ startDate: '2025-01-31', uid: 'abc@example.org', createdAt })!;

  it('falls a month after the start date, all day, keeping to the end of shorter months', () => {
    expect(monthReminderDate('2025-01-15')).toBe('2025-02-15');
    expect(monthReminderDate('2024-01-31')).toBe('2024-02-29');
    expect(monthReminderDate('2025-12-20')).toBe('2026-01-20');
    expect(monthReminderDate('2025-01-31')).toBe('2025-02-28');
    expect(unfold(calendar)).toContain('\r\nDTSTART;VALUE=DATE:20250228\r\n');
    expect(unfold(calendar)).toContain('\r\nDTEND;VALUE=DATE:20250301\r\n');
  });

  it('needs a real start date', () => {
    expect(monthReminderDate('')).toBeNull();
    expect(monthReminderCalendar({ startDate: '2025-02-30', uid: 'x@y', createdAt })).toBeNull();
  });

  it('says "read step 4 when you feel ready" (a minimum, not a countdown) and nothing about the reader or the site', () => {
    expect(REMINDER_SUMMARY).toBe('Read step 4 when you feel ready');
    expect(REMINDER_DESCRIPTION).toContain('at least a month');
    expect(REMINDER_DESCRIPTION).not.toMatch(/until|countdown/i);
    const visible = [REMINDER_SUMMARY, REMINDER_DESCRIPTION, REMINDER_FILE_NAME, unfold(calendar)].join('\n').toLowerCase();
    for (const word of ['ex ', 'ex.', 'ex,', 'breakup', 'break-up', 'broke up', 'back together', 'relationship', 'partner', 'girlfriend', 'boyfriend', 'love']) {
      expect(visible).not.toContain(word);
    }
    expect(calendar).toContain('CLASS:PRIVATE');
  });
});
