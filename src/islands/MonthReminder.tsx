/**
 * A calendar reminder for the one-month mark of step 3: an .ics file made in the browser from the saved breakup date.
 * Nothing is sent; the file's words name the guide step, never the reader's situation (src/lib/month-reminder.ts).
 */
import { useState } from 'preact/hooks';
import { downloadFile } from '../browser/download-file';
import { formatIsoDate } from '../lib/breakup-dates';
import { REMINDER_FILE_NAME, REMINDER_SUMMARY, monthReminderCalendar, monthReminderDate } from '../lib/month-reminder';
import { useReaderState, useToday } from './progress/reader-hooks';

/** A UID no other event shares: random, with the site's host as RFC 5545 suggests. */
function newUid(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${random}@${location.hostname || 'localhost'}`;
}

export default function MonthReminder() {
  const { breakupDate } = useReaderState();
  const today = useToday();
  const [saved, setSaved] = useState(false);
  const reminderDate = breakupDate ? monthReminderDate(breakupDate) : null;

  if (!today || !reminderDate) {
    return <p class="muted month-reminder">Add the date above to get a calendar reminder for when at least a month has passed.</p>;
  }
  if (reminderDate <= today) return null;

  const download = () => {
    const calendar = monthReminderCalendar({ startDate: breakupDate!, uid: newUid(), createdAt: new Date() });
    if (!calendar) return;
    downloadFile(REMINDER_FILE_NAME, calendar, 'text/calendar;charset=utf-8');
    setSaved(true);
  };

  return (
    <div class="month-reminder">
      <p>
        Step 3 asks for at least a month apart: a minimum, not a date to aim for. If it helps, add a reminder to your calendar
        for {formatIsoDate(reminderDate)}, the earliest day to think about step 4, and only when you feel ready. It says only
        “{REMINDER_SUMMARY}”, and is made on this device: nothing is sent.
      </p>
      <button type="button" class="button button-quiet" onClick={download} data-month-reminder>
        Add a reminder to your calendar
      </button>
      <p role="status" class="muted">
        {saved && `Saved as ${REMINDER_FILE_NAME}. Open it to add the reminder to your calendar.`}
      </p>
    </div>
  );
}
