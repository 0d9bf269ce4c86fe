/** Stand-ins for the owner's services in notification tests: a webhook receiver and a real SMTP server, both local. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { WebhookPayload } from '../../src/lib/notify/message.ts';
import type { Timers } from '../../src/server/notify/sender.ts';

function listening(server: { listen(port: number, host: string, done: () => void): unknown; address(): AddressInfo | string | null }): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves when `check` holds: checked after every change the caller reports through the returned `changed`. */
function waiter(check: () => boolean) {
  const pending: (() => void)[] = [];
  return {
    changed() {
      if (check()) for (const resolve of pending.splice(0)) resolve();
    },
    wait(): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve) => pending.push(resolve));
    },
  };
}

export interface WebhookReceiver {
  url: string;
  /** Payloads received so far, in order (including those answered with an error status). */
  received: WebhookPayload[];
  headers: IncomingMessage['headers'][];
  /** Status codes for the next calls, in order; 200 once they run out. */
  answers: number[];
  /** While set, calls are held open until `release()`. */
  hold(): void;
  release(): void;
  /** Resolves once at least `count` calls arrived. */
  calls(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookPayload[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const answers: number[] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  let wanted = 0;
  const arrivals = waiter(() => received.length >= wanted);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      received.push(JSON.parse(body) as WebhookPayload);
      headers.push(request.headers);
      arrivals.changed();
      if (gate) await gate;
      response.writeHead(answers.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
    })();
  });
  const port = await listening(server);
  return {
    url: `http://127.0.0.1:${port}/hooks/secret-token-123`,
    received,
    headers,
    answers,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    calls(count) {
      wanted = count;
      return arrivals.wait();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message, with quoted-printable soft breaks and escapes decoded. */
  message: string;
}

export interface MailServer {
  port: number;
  mails: ReceivedMail[];
  /** Logins that were tried, as user:password. */
  logins: string[];
  /** Reply code for the next messages' DATA, in order (e.g. 451); accepted once they run out. */
  rejections: number[];
  mailsArrived(count: number): Promise<void>;
  close(): Promise<void>;
}

/** `=\r\n` soft breaks and `=XX` escapes of quoted-printable, as nodemailer writes long or non-ASCII text. */
export function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes = Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}

/** A real SMTP server (smtp-server) in this process, without TLS, accepting `user:pass` when a login is sent. */
export async function startMailServer(): Promise<MailServer> {
  const mails: ReceivedMail[] = [];
  const logins: string[] = [];
  const rejections: number[] = [];
  let wanted = 0;
  const arrivals = waiter(() => mails.length >= wanted);
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username}:${auth.password}`);
      if (auth.username === 'user' && auth.password === 'pass') callback(null, { user: auth.username });
      else callback(new Error('Invalid login'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const rejection = rejections.shift();
        if (rejection !== undefined) {
          callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: rejection }));
          return;
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          message: decodeQuotedPrintable(Buffer.concat(chunks).toString('latin1')),
        });
        arrivals.changed();
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)));
  return {
    port,
    mails,
    logins,
    rejections,
    mailsArrived(count) {
      wanted = count;
      return arrivals.wait();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Timers that only record what was scheduled: tests run the sender's passes themselves. */
export function recordingTimers(): Timers & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    set(_callback, ms) {
      delays.push(ms);
      return delays.length;
    },
    clear() {},
  };
}
