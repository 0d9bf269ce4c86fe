/**
 * The one-month reminder of step 3: a calendar file for the day a month after the breakup. Its words are
 * discreet on purpose: a lock screen or a shared calendar shows the guide step, never the reader's situation.
 */
import { oneMonthAfter } from './breakup-dates.ts';
import { buildCalendar } from './ics.ts';
import { isCalendarDate } from './reader-state.ts';

/** A month is the least, never a countdown target: the reminder says step 4 is there when the reader feels ready. */
export const REMINDER_SUMMARY = 'Read step 4 when you feel ready';
export const REMINDER_DESCRIPTION =
  'A reminder you set for yourself: at least a month has passed. A month is the least, not a deadline. Read step 4 when you feel ready, and not before.';
/** The file name in the reader's downloads folder: says nothing either. */
export const REMINDER_FILE_NAME = 'reminder.ics';
/** 9 am on the day. */
export const REMINDER_ALARM_MINUTES = 9 * 60;

/** The reminder's day: the one-month mark the progress page shows; null for anything that is not a date. */
export function monthReminderDate(startDate: string): string | null {
  return isCalendarDate(startDate) ? oneMonthAfter(startDate) : null;
}

/** The .ics text for a reminder one month after `startDate`; null when that is not a date. */
export function monthReminderCalendar(options: { startDate: string; uid: string; createdAt: Date }): string | null {
  const date = monthReminderDate(options.startDate);
  if (!date) return null;
  return buildCalendar({
    uid: options.uid,
    date,
    summary: REMINDER_SUMMARY,
    description: REMINDER_DESCRIPTION,
    createdAt: options.createdAt,
    alarmMinutesAfterStart: REMINDER_ALARM_MINUTES,
  });
}
