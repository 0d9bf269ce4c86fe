/** The owner sees how notifications are doing in /admin/, in Chromium: last delivery, channels not set up, a11y. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, hasChromium, launchBrowser, watchPage, type Browser } from '../support/browser.ts';
import { postComment } from '../support/comments-http.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/notify.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const POLL = { timeout: 20_000 };
const ADMIN_TOKEN = 'browser-notify-token-0123456789';

describe.skipIf(!hasChromium)('notifications in /admin/', () => {
  let server: RunningServer;
  let browser: Browser;
  let webhook: WebhookReceiver;

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    [server, browser] = await Promise.all([
      startServer({ env: { DATABASE_URL: '', ADMIN_TOKEN, COMMENTS_MODERATION: 'all', NOTIFY_WEBHOOK_URL: webhook.url, NOTIFY_INTERVAL: 'often' } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await webhook?.close();
  });

  it('shows the last delivery, the channels not set up and the settings to fix', async () => {
    expect((await postComment(server.url, { page: '/steps/take-time/', text: 'Waiting for the owner' })).status).toBe(202);
    await webhook.calls(1);

    const context = await browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/admin/`);
    expect(await page.locator('main a[href="/api/feeds/comments.atom"]').textContent()).toBe('recent comments');
    await expect.poll(() => page.getByRole('button', { name: 'Open queues' }).isEnabled(), POLL).toBe(true);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Open queues' }).click();
    const section = page.getByRole('region', { name: 'Notifications' });
    const webhookLine = section.locator('li', { hasText: 'Webhook to' });
    await expect.poll(() => webhookLine.textContent(), POLL).toContain('last message sent');
    const { origin, port } = new URL(webhook.url);
    // The start-up check runs beside the first delivery: shown once it has finished.
    expect(await webhookLine.textContent()).toMatch(
      new RegExp(`^Webhook to ${origin}: last message sent just now \\(HTTP 200\\)\\.( Start-up check: reachable: 127\\.0\\.0\\.1:${port} accepts connections\\.)?$`),
    );
    expect(await section.locator('li', { hasText: 'E-mail' }).textContent()).toBe('E-mail: not set up.');
    expect(await section.textContent()).toContain('NOTIFY_INTERVAL "often" is not a number of seconds');
    expect(await section.textContent()).toContain('at most once every 15 minute(s), without their text.');
    expect(describeViolations(await axeViolations(page, '.admin-notify'))).toBe('');
    expect(watch.errors.filter((error) => !/Content Security Policy directive 'style-src/.test(error))).toEqual([]);
    await context.close();
  });
});
