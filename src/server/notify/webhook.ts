/** Owner notifications as a JSON POST to NOTIFY_WEBHOOK_URL (chat tools that take `{ "text": … }` show it as is). */
import { connect } from 'node:net';
import type { OwnerMessage } from '../../lib/notify/message.ts';
import type { NotifyChannel } from './channel.ts';

export function webhookChannel(url: URL, fetchImpl: typeof fetch = fetch): NotifyChannel {
  return {
    name: 'webhook',
    // The path and query often hold the webhook's secret: only the origin is ever shown.
    target: url.origin,
    async deliver(message: OwnerMessage, signal: AbortSignal): Promise<string> {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'back-together-notify' },
        body: JSON.stringify(message.payload),
        // A redirect could carry the message somewhere the owner never configured.
        redirect: 'manual',
        signal,
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
      return `HTTP ${response.status}`;
    },
    check(signal: AbortSignal): Promise<string> {
      // Opening a connection tells whether the host is reachable, without sending the owner an empty message.
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      return new Promise((resolve, reject) => {
        const socket = connect({ host: url.hostname, port, signal });
        socket.once('connect', () => {
          socket.destroy();
          resolve(`${url.hostname}:${port} accepts connections`);
        });
        socket.once('error', (error) => reject(new Error(`cannot connect to ${url.hostname}:${port}`, { cause: error })));
      });
    },
    close() {},
  };
}
