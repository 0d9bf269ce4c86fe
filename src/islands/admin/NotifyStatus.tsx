/**
 * Owner notifications in /admin/: which channels are on, what is wrong with the settings, and how the last delivery
 * went. Rendered by AdminQueue once the owner's token is accepted.
 */
import { useEffect, useState } from 'preact/hooks';
import { exactTime } from '../../lib/comments/relative-time.ts';
import type { NotifyChannelStatus, NotifyStatusResponse } from '../../lib/notify/api-types.ts';
import { callApi } from '../../stores/api.ts';
import { TimeAgo } from '../comments/TimeAgo.tsx';

const CHANNEL_LABEL: Record<NotifyChannelStatus['channel'], string> = { webhook: 'Webhook', email: 'E-mail' };

const when = (iso: string, now: number) => <TimeAgo iso={iso} now={now} />;

/** One sentence about a channel's last delivery and what comes next. */
function ChannelLine({ channel, now }: { channel: NotifyChannelStatus; now: number }) {
  if (!channel.configured) return <li>{CHANNEL_LABEL[channel.channel]}: not set up.</li>;
  return (
    <li>
      {CHANNEL_LABEL[channel.channel]} to {channel.target}:{' '}
      {channel.lastOutcome === null && 'nothing sent yet.'}
      {channel.lastOutcome === 'sent' && channel.lastAttemptAt && (
        <>
          last message sent {when(channel.lastAttemptAt, now)} ({channel.lastDetail}).
        </>
      )}
      {channel.lastOutcome === 'failed' && channel.lastAttemptAt && (
        <>
          <strong>the last try failed</strong> {when(channel.lastAttemptAt, now)}: {channel.lastDetail}.
          {channel.nextAttemptAt && <> Trying again at {exactTime(Date.parse(channel.nextAttemptAt))} ({channel.failures} failed in a row).</>}
        </>
      )}
      {channel.queued > 0 && ` ${channel.queued} event(s) queued.`}
      {channel.check && ` Start-up check: ${channel.check}.`}
    </li>
  );
}

export default function NotifyStatus({ token }: { token: string }) {
  const [status, setStatus] = useState<NotifyStatusResponse | null>(null);
  const [failure, setFailure] = useState('');

  async function load() {
    const result = await callApi<NotifyStatusResponse>('/api/admin/notifications', { headers: { Authorization: `Bearer ${token}` } });
    if (result.ok) {
      setStatus(result.body);
      setFailure('');
    } else {
      setFailure(result.failure.message);
    }
  }

  useEffect(() => {
    void load();
  }, [token]);

  const now = Date.now();
  return (
    <section class="admin-notify" aria-labelledby="admin-notify-heading">
      <h2 id="admin-notify-heading">Notifications</h2>
      {failure !== '' && <p class="comment-error">{failure}</p>}
      {status && (
        <>
          <p>
            You hear about comments that wait for you at most once every {Math.round(status.intervalSeconds / 60)} minute(s),
            {status.includeText ? ' with their text.' : ' without their text.'}
          </p>
          <ul>
            {status.channels.map((channel) => (
              <ChannelLine key={channel.channel} channel={channel} now={now} />
            ))}
          </ul>
          {status.problems.length > 0 && (
            <div class="comment-error">
              <p>Settings that need a look:</p>
              <ul>
                {status.problems.map((problem) => (
                  <li>{problem}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      <button type="button" class="button button-quiet" onClick={() => void load()}>
        Refresh
      </button>
    </section>
  );
}
