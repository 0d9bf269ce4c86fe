/** `GET /api/admin/notifications`: how owner notifications are set up and how the last delivery went. */
export type NotifyChannelName = 'webhook' | 'email';

export interface NotifyChannelStatus {
  channel: NotifyChannelName;
  /** Set up and valid in the process that answered. */
  configured: boolean;
  /** Where messages go, without secrets: the webhook's origin, or the address and mail server. */
  target: string | null;
  /** What the start-up check found (the server reachable or not); null before it finished. */
  check: string | null;
  /** Events waiting to be told on this channel. */
  queued: number;
  /** ISO 8601 times, null when it never happened. */
  lastAttemptAt: string | null;
  lastSentAt: string | null;
  lastOutcome: 'sent' | 'failed' | null;
  /** The server's answer or the error of the last try. */
  lastDetail: string | null;
  /** Failed tries in a row. */
  failures: number;
  /** No message goes out on this channel before then (batching or backing off). */
  nextAttemptAt: string | null;
}

export interface NotifyStatusResponse {
  /** At most one message per this many seconds. */
  intervalSeconds: number;
  includeText: boolean;
  /** Settings that could not be used, each a sentence: those channels stay off. */
  problems: string[];
  channels: NotifyChannelStatus[];
}
