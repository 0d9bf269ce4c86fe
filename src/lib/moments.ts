/**
 * When something was saved, as readers read it. Apart from the date arithmetic of breakup-dates.ts, since every page
 * shows a saved moment ("Marked done on …") and only a few do that arithmetic.
 */

/** "3 March 2026" for a stored ISO date-time, in the reader's own time zone. */
export function formatMoment(isoDateTime: string): string {
  return new Date(isoDateTime).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
