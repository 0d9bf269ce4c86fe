import { describe, expect, it } from 'vitest';
import {
  cleanShareUrl,
  guidePreviewCard,
  previewImageFor,
  previewImagePath,
  quizResultPreviewCard,
  quizResultShareTitle,
  shareLinks,
  shareText,
} from '../../src/lib/share';

const page = { url: 'https://example.org/steps/take-time/', title: 'Take time apart first' };

describe('share links', () => {
  it('say the page title and the site name, nothing else', () => {
    expect(shareText('Take time apart first')).toBe('Take time apart first · Back Together');
  });

  it('share the page itself: no query (highlights, tracking) and no fragment', () => {
    expect(cleanShareUrl('https://example.org/steps/take-time/?pagefind-highlight=month&utm_source=x#why')).toBe('https://example.org/steps/take-time/');
    // A site path (what an island knows) is resolved against the page's canonical URL.
    expect(cleanShareUrl('/steps/take-time/result/too-soon/', 'https://example.org/steps/take-time/')).toBe('https://example.org/steps/take-time/result/too-soon/');
  });

  it('offer email, WhatsApp, Telegram and SMS with the text and URL encoded', () => {
    const links = shareLinks({ ...page, url: `${page.url}?utm_source=newsletter` });
    expect(links.map((link) => link.id)).toEqual(['email', 'whatsapp', 'telegram', 'sms']);
    const byId = Object.fromEntries(links.map((link) => [link.id, link.href]));
    expect(byId['email']).toBe(
      'mailto:?subject=Take%20time%20apart%20first%20%C2%B7%20Back%20Together&body=Take%20time%20apart%20first%20%C2%B7%20Back%20Together%0Ahttps%3A%2F%2Fexample.org%2Fsteps%2Ftake-time%2F',
    );
    expect(byId['whatsapp']).toMatch(/^https:\/\/wa\.me\/\?text=Take%20time/);
    expect(new URL(byId['telegram']!).searchParams.get('url')).toBe(page.url);
    expect(byId['sms']).toMatch(/^sms:\?&body=/);
    for (const href of Object.values(byId)) expect(decodeURIComponent(href)).not.toContain('utm_');
  });
});

describe('preview images', () => {
  it('live under /og/ at the page’s path', () => {
    expect(previewImagePath('/steps/take-time/')).toBe('/og/steps/take-time.png');
    expect(previewImagePath('/steps/take-time/result/too-soon/')).toBe('/og/steps/take-time/result/too-soon.png');
    expect(previewImagePath('/')).toBe('/og/default.png');
  });

  it('show the step number or "Article" above the title', () => {
    expect(guidePreviewCard({ kind: 'step', title: 'Take time apart first', step: 3, stepCount: 9 })).toEqual({ eyebrow: 'Step 3 of 9', title: 'Take time apart first' });
    expect(guidePreviewCard({ kind: 'article', title: 'No contact' })).toEqual({ eyebrow: 'Article', title: 'No contact' });
    expect(guidePreviewCard({ kind: 'page', title: 'About' })).toEqual({ title: 'About' });
  });

  it('are described for screen readers and sized 1200×630', () => {
    expect(previewImageFor('/steps/take-time/', { eyebrow: 'Step 3 of 9', title: 'Take time apart first' })).toEqual({
      path: '/og/steps/take-time.png',
      width: 1200,
      height: 630,
      alt: 'Step 3 of 9 · Take time apart first · Back Together',
    });
  });

  it('name only the guide page for a shared quiz result, never how it went', () => {
    expect(quizResultPreviewCard({ title: 'Take time apart first', step: 3 })).toEqual({ eyebrow: 'Check-in · Step 3', title: 'Take time apart first' });
    expect(quizResultPreviewCard({ title: 'Before you start' })).toEqual({ eyebrow: 'Check-in', title: 'Before you start' });
    expect(quizResultShareTitle('Take time apart first')).toBe('A check-in from “Take time apart first”');
  });
});
