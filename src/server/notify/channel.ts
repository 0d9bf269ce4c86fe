/** A way of telling the site owner: the webhook or e-mail. */
import type { NotifyChannelName } from '../../lib/notify/api-types.ts';
import type { OwnerMessage } from '../../lib/notify/message.ts';

export interface NotifyChannel {
  readonly name: NotifyChannelName;
  /** Where messages go, without secrets (no webhook path, no SMTP password): for logs and /admin/. */
  readonly target: string;
  /** Delivers one message; resolves with the server's answer in a few words, rejects with a readable error. */
  deliver(message: OwnerMessage, signal: AbortSignal): Promise<string>;
  /** Tries to reach the server without sending anything; resolves with what it found, rejects when unreachable. */
  check(signal: AbortSignal): Promise<string>;
  close(): void;
}

/** The reason of an error in one line, for logs and /admin/ (secrets never appear: URLs are not part of it). */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
    return `${error.message}${cause}${code}`.replace(/\s+/g, ' ').slice(0, 300);
  }
  return String(error).slice(0, 300);
}
