/** A moment as "3 minutes ago", with the exact time on hover and in the markup. */
import { exactTime, relativeTime } from '../../lib/comments/relative-time.ts';

export function TimeAgo({ iso, now }: { iso: string; now: number }) {
  const time = Date.parse(iso);
  return (
    <time dateTime={iso} title={exactTime(time)}>
      {relativeTime(time, now)}
    </time>
  );
}
