/**
 * The reader's path through the guide, derived from what this browser saved: each stop's state (before you start,
 * the nine steps, the way out) and where the reader stands against the one-month minimum of step 3. Pure: the
 * progress track (src/components/ProgressTrack.astro, src/browser/progress-track.ts) draws what this returns.
 */
import { daysBetween, formatDays, formatIsoDate, oneMonthMark } from './breakup-dates';
import { isStepDone, type ReaderState } from './reader-state';
import type { ReadPages } from './read-pages';

export interface TrackStopSource {
  href: string;
  /** Short name, as in the step navigation. */
  label: string;
  step?: number | undefined;
  /** The self-assessment on this page, if it has one. */
  quizId?: string | undefined;
}

/** Band titles of each quiz, by quiz id then band id. */
export type BandTitles = Record<string, Record<string, string>>;

export type StopState = 'not-started' | 'read' | 'quiz' | 'done';

export interface TrackStop extends TrackStopSource {
  state: StopState;
  /** Title of the latest self-assessment band, when one was taken. */
  band?: string;
  /** What the stop's state says, in words: the text equivalent of its mark. */
  status: string;
}

function statusText(state: StopState, band: string | undefined): string {
  if (state === 'done') return band ? `Done; self-assessment: ${band}` : 'Done';
  if (state === 'quiz') return band ? `Self-assessment: ${band}` : 'Self-assessment taken';
  return state === 'read' ? 'Read' : 'Not started';
}

/** Each stop's state: done beats a self-assessment, which beats having opened the page. */
export function trackStops(stops: readonly TrackStopSource[], state: ReaderState, read: ReadPages, bandTitles: BandTitles): TrackStop[] {
  return stops.map((stop) => {
    const quizResult = stop.quizId ? state.quizzes[stop.quizId] : undefined;
    const band = quizResult && stop.quizId ? bandTitles[stop.quizId]?.[quizResult.band] : undefined;
    const stopState: StopState = isStepDone(state, stop.href) ? 'done' : quizResult ? 'quiz' : stop.href in read ? 'read' : 'not-started';
    return { ...stop, state: stopState, ...(band !== undefined && { band }), status: statusText(stopState, band) };
  });
}

export interface MonthTimeline {
  daysSince: number;
  markDate: string;
  reached: boolean;
  /** Share of the drawn line covered by the time so far (0…1). */
  elapsed: number;
  /** Where the one-month mark sits on the line (0…1). */
  mark: number;
  /** The timeline in words. */
  summary: string;
}

/**
 * Time since the breakup against the one-month minimum. The line runs a little past whichever is later, today or the
 * mark, so both always show. The words say where the reader is, never a countdown: a month is the least, not a goal.
 */
export function monthTimeline(breakupDate: string | undefined, today: string | undefined): MonthTimeline | undefined {
  if (!breakupDate || !today) return undefined;
  const { daysSince, markDate, reached } = oneMonthMark(breakupDate, today);
  if (daysSince < 0) return undefined;
  const markDays = daysBetween(breakupDate, markDate);
  const span = Math.max(daysSince, markDays) * 1.15 || 1;
  const summary = reached
    ? `${formatDays(daysSince)} since the breakup. You're past the one-month mark (${formatIsoDate(markDate)}); take the time you need.`
    : `${formatDays(daysSince)} since the breakup. Step 3 asks for at least a month apart, so not before ${formatIsoDate(markDate)}, and longer is fine.`;
  return { daysSince, markDate, reached, elapsed: daysSince / span, mark: markDays / span, summary };
}
