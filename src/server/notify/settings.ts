/**
 * Owner-notification settings from the environment. A bad value never stops the site: it switches its channel off
 * and is reported as a problem, logged at start-up and shown in /admin/.
 */
import type { EmailSettings } from './email.ts';

export interface NotifySettings {
  webhookUrl: URL | null;
  email: EmailSettings | null;
  /** At most one message per this many milliseconds, per channel (NOTIFY_INTERVAL, in seconds). */
  intervalMs: number;
  /** Quote waiting comments' names and text in messages (NOTIFY_INCLUDE_TEXT=true). */
  includeText: boolean;
  /** Where messages send the owner. */
  adminUrl: string;
  /** Settings that could not be used, each a sentence naming the variable. */
  problems: string[];
}

export const NOTIFY_INTERVAL_DEFAULT_S = 900;
const NOTIFY_INTERVAL_MAX_S = 7 * 24 * 3600;
/** Where links point when SITE_URL is unset: the address `npm start` serves on. */
const FALLBACK_ORIGIN = 'http://localhost:4321';

type Env = Record<string, string | undefined>;

function setting(env: Env, name: string): string | null {
  const value = env[name]?.trim() ?? '';
  return value === '' ? null : value;
}

/** A deliberately loose check: one @, something on both sides, no spaces or angle brackets. */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

function readUrl(value: string, protocols: readonly string[]): URL | null {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

export function readNotifySettings(env: Env, siteOrigin: string | null): NotifySettings {
  const problems: string[] = [];

  let webhookUrl: URL | null = null;
  const webhook = setting(env, 'NOTIFY_WEBHOOK_URL');
  if (webhook !== null) {
    webhookUrl = readUrl(webhook, ['http:', 'https:']);
    // The value may hold a secret: the problem names the variable, not its value.
    if (!webhookUrl) problems.push('NOTIFY_WEBHOOK_URL is not an absolute http(s) URL, so webhook notifications are off.');
  }

  let email: EmailSettings | null = null;
  const smtp = setting(env, 'SMTP_URL');
  const to = setting(env, 'NOTIFY_EMAIL');
  const from = setting(env, 'NOTIFY_EMAIL_FROM') ?? to;
  if (smtp !== null || to !== null) {
    const smtpUrl = smtp === null ? null : readUrl(smtp, ['smtp:', 'smtps:']);
    if (smtp === null) problems.push('NOTIFY_EMAIL is set but SMTP_URL is not, so e-mail notifications are off.');
    else if (!smtpUrl) problems.push('SMTP_URL is not a URL such as smtp://user:pass@host:587, so e-mail notifications are off.');
    if (to === null) problems.push('SMTP_URL is set but NOTIFY_EMAIL is not, so e-mail notifications are off.');
    else if (!ADDRESS.test(to)) problems.push(`NOTIFY_EMAIL "${to}" is not an e-mail address, so e-mail notifications are off.`);
    else if (from !== null && !ADDRESS.test(from)) problems.push(`NOTIFY_EMAIL_FROM "${from}" is not an e-mail address, so e-mail notifications are off.`);
    else if (smtpUrl && from !== null) email = { smtpUrl, to, from };
  }

  let intervalS = NOTIFY_INTERVAL_DEFAULT_S;
  const interval = setting(env, 'NOTIFY_INTERVAL');
  if (interval !== null) {
    if (/^\d+$/.test(interval) && Number(interval) >= 1 && Number(interval) <= NOTIFY_INTERVAL_MAX_S) intervalS = Number(interval);
    else problems.push(`NOTIFY_INTERVAL "${interval}" is not a number of seconds from 1 to ${NOTIFY_INTERVAL_MAX_S}, so ${NOTIFY_INTERVAL_DEFAULT_S} is used.`);
  }

  let includeText = false;
  const include = setting(env, 'NOTIFY_INCLUDE_TEXT')?.toLowerCase() ?? null;
  if (include === 'true') includeText = true;
  else if (include !== null && include !== 'false') {
    problems.push(`NOTIFY_INCLUDE_TEXT "${include}" is neither true nor false, so comment text stays out of notifications.`);
  }

  if (siteOrigin === null && (webhookUrl || email)) {
    problems.push(`SITE_URL is not set, so the links in notifications point to ${FALLBACK_ORIGIN}/admin/.`);
  }
  return { webhookUrl, email, intervalMs: intervalS * 1000, includeText, adminUrl: `${siteOrigin ?? FALLBACK_ORIGIN}/admin/`, problems };
}
