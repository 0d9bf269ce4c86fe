/** Pure parts of owner notifications: which writes notify, the message, back-off, and reading the settings. */
import { describe, expect, it } from 'vitest';
import { RETRY_FIRST_MS, RETRY_MAX_MS, retryDelayMs } from '../../src/lib/notify/backoff.ts';
import { ownerEventForEdit, ownerEventForNewComment, ownerEventForReport } from '../../src/lib/notify/events.ts';
import { composeOwnerMessage, EVENTS_LISTED_MAX, QUOTES_MAX, type OwnerEvent } from '../../src/lib/notify/message.ts';
import { readNotifySettings } from '../../src/server/notify/settings.ts';

const event = (overrides: Partial<OwnerEvent> = {}): OwnerEvent => ({
  kind: 'pending',
  page: '/steps/take-time/',
  commentId: 'abcdefghijklmnop',
  at: Date.UTC(2030, 0, 1),
  ...overrides,
});

describe('which writes tell the owner', () => {
  it('tells about waiting comments and the report that hides one, nothing else', () => {
    expect(ownerEventForNewComment('pending')).toBe('pending');
    expect(ownerEventForNewComment('published')).toBeNull();
    expect(ownerEventForEdit('published', 'pending')).toBe('pending');
    expect(ownerEventForEdit('pending', 'pending')).toBeNull();
    expect(ownerEventForEdit('published', 'published')).toBeNull();
    expect(ownerEventForReport('published', 2, 3)).toBe('hidden');
    expect(ownerEventForReport('published', 1, 2)).toBeNull();
    expect(ownerEventForReport('published', 3, 4)).toBeNull();
    expect(ownerEventForReport('pending', 2, 3)).toBeNull();
  });
});

describe('the owner message', () => {
  const base = { siteName: 'Back Together', adminUrl: 'https://example.org/admin/', quotes: null };

  it('says how many wait in all, what is new, and where to review them', () => {
    const message = composeOwnerMessage({
      ...base,
      events: [event(), event({ kind: 'hidden', page: '/articles/no-contact/' }), event({ page: '/steps/understand-why/' })],
      totals: { pending: 4, hidden: 1 },
    });
    expect(message.subject).toBe('Back Together: 5 comments wait for you');
    expect(message.text.split('\n')).toEqual([
      '5 comments wait for you on Back Together: 4 awaiting approval, 1 hidden by reports.',
      'New since the last message: 2 comments awaiting approval (/steps/take-time/, /steps/understand-why/); 1 comment hidden by reports (/articles/no-contact/).',
      'Review them at https://example.org/admin/',
    ]);
    expect(message.payload).toMatchObject({ kind: 'mixed', page: null, waiting: 5, awaitingApproval: 4, hiddenByReports: 1, newEvents: 3, text: message.text });
    expect(message.payload).not.toHaveProperty('comments');
  });

  it('lists at most a set number of events and quotes, with exact counts beyond them', () => {
    const events = Array.from({ length: EVENTS_LISTED_MAX + 5 }, () => event());
    const quotes = Array.from({ length: QUOTES_MAX + 3 }, (_, index) => ({ commentId: `c${index}`, page: '/steps/take-time/', name: 'Sam', text: `Words ${index}` }));
    const message = composeOwnerMessage({ ...base, events, totals: { pending: 25, hidden: 0 }, quotes });
    expect(message.payload.events).toHaveLength(EVENTS_LISTED_MAX);
    expect(message.payload.newEvents).toBe(EVENTS_LISTED_MAX + 5);
    expect(message.payload.comments).toHaveLength(QUOTES_MAX);
    expect(message.text).toContain('Sam on /steps/take-time/:\nWords 0');
    expect(message.text).not.toContain(`Words ${QUOTES_MAX}`);
    expect(message.payload.page).toBe('/steps/take-time/');
  });
});

describe('retry delays', () => {
  it('double from the first delay up to the cap', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([RETRY_FIRST_MS, 2 * RETRY_FIRST_MS, 4 * RETRY_FIRST_MS, 8 * RETRY_FIRST_MS]);
    expect(retryDelayMs(50)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(10_000)).toBe(RETRY_MAX_MS);
  });
});

describe('notification settings', () => {
  const site = 'https://example.org';

  it('is off without settings, with nothing to complain about', () => {
    expect(readNotifySettings({}, site)).toEqual({
      webhookUrl: null,
      email: null,
      intervalMs: 900_000,
      includeText: false,
      adminUrl: 'https://example.org/admin/',
      problems: [],
    });
  });

  it('reads a webhook, e-mail, interval and text setting', () => {
    const settings = readNotifySettings(
      {
        NOTIFY_WEBHOOK_URL: 'https://chat.example/hooks/abc',
        SMTP_URL: 'smtp://user:pass@mail.example:587',
        NOTIFY_EMAIL: 'owner@example.org',
        NOTIFY_INTERVAL: '60',
        NOTIFY_INCLUDE_TEXT: 'TRUE',
      },
      site,
    );
    expect(settings.webhookUrl?.href).toBe('https://chat.example/hooks/abc');
    expect(settings.email).toEqual({ smtpUrl: new URL('smtp://user:pass@mail.example:587'), to: 'owner@example.org', from: 'owner@example.org' });
    expect(settings.intervalMs).toBe(60_000);
    expect(settings.includeText).toBe(true);
    expect(settings.problems).toEqual([]);
  });

  it.each([
    [{ NOTIFY_WEBHOOK_URL: 'not a url/secret' }, 'NOTIFY_WEBHOOK_URL is not an absolute http(s) URL'],
    [{ NOTIFY_WEBHOOK_URL: 'ftp://files.example/x' }, 'NOTIFY_WEBHOOK_URL is not an absolute http(s) URL'],
    [{ SMTP_URL: 'smtp://mail.example' }, 'SMTP_URL is set but NOTIFY_EMAIL is not'],
    [{ NOTIFY_EMAIL: 'owner@example.org' }, 'NOTIFY_EMAIL is set but SMTP_URL is not'],
    [{ SMTP_URL: 'mail.example:587', NOTIFY_EMAIL: 'owner@example.org' }, 'SMTP_URL is not a URL such as smtp://'],
    [{ SMTP_URL: 'smtp://mail.example', NOTIFY_EMAIL: 'owner' }, 'NOTIFY_EMAIL "owner" is not an e-mail address'],
    [{ SMTP_URL: 'smtp://mail.example', NOTIFY_EMAIL: 'a@b.example', NOTIFY_EMAIL_FROM: 'x y' }, 'NOTIFY_EMAIL_FROM "x y" is not an e-mail address'],
    [{ NOTIFY_INTERVAL: '0' }, 'NOTIFY_INTERVAL "0" is not a number of seconds'],
    [{ NOTIFY_INTERVAL: '15m' }, 'NOTIFY_INTERVAL "15m" is not a number of seconds'],
    [{ NOTIFY_INCLUDE_TEXT: 'yes please' }, 'NOTIFY_INCLUDE_TEXT "yes please" is neither true nor false'],
  ])('turns a bad setting %o into a problem and a safe default, never an error', (env, problem) => {
    const settings = readNotifySettings(env, site);
    expect(settings.problems).toEqual([expect.stringContaining(problem)]);
    expect(settings.webhookUrl).toBeNull();
    expect(settings.email).toBeNull();
    expect(settings.intervalMs).toBe(900_000);
    expect(settings.includeText).toBe(false);
    // A webhook URL may hold its secret: a problem never repeats it.
    expect(settings.problems.join(' ')).not.toContain('secret');
  });

  it('points links at localhost, and says so, when SITE_URL is unset', () => {
    const settings = readNotifySettings({ NOTIFY_WEBHOOK_URL: 'https://chat.example/hooks/abc' }, null);
    expect(settings.adminUrl).toBe('http://localhost:4321/admin/');
    expect(settings.problems).toEqual([expect.stringContaining('SITE_URL is not set')]);
  });
});
