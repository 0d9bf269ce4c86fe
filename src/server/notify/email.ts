/**
 * Owner notifications by e-mail through the SMTP server of SMTP_URL, sent by nodemailer, which loads on the first
 * check or message: about 24 MB of memory that a server without e-mail never spends.
 */
import type { Mail, SMTPSentMessageInfo, SMTPTransportOptions } from 'nodemailer';
import type { OwnerMessage } from '../../lib/notify/message.ts';
import type { NotifyChannel } from './channel.ts';

export interface EmailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  smtpUrl: URL;
  to: string;
  from: string;
}

/** Short enough that a stuck server frees the sender well before its lease ends. */
const SMTP_TIMEOUT_MS = 15_000;

export function emailChannel(settings: EmailSettings): NotifyChannel {
  // The promise is kept, not the transport, so a check and a message at once still share one transport.
  let opened: Promise<Mail<SMTPSentMessageInfo, SMTPTransportOptions>> | undefined;
  const transport = () =>
    (opened ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        url: settings.smtpUrl.href,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      }),
    ));
  const port = settings.smtpUrl.port || (settings.smtpUrl.protocol === 'smtps:' ? '465' : '587');
  return {
    name: 'email',
    // Never the user name or password from the URL.
    target: `${settings.to} via ${settings.smtpUrl.hostname}:${port}`,
    async deliver(message: OwnerMessage, signal: AbortSignal): Promise<string> {
      const info = await (await transport()).sendMail({
        from: settings.from,
        to: settings.to,
        subject: message.subject,
        text: message.text,
        signal,
      });
      return info.response.slice(0, 200);
    },
    async check(): Promise<string> {
      await (await transport()).verify();
      return `${settings.smtpUrl.hostname}:${port} accepts connections and the login`;
    },
    close() {
      void opened?.then((open) => open.close());
    },
  };
}
