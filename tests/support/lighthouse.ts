import lighthouse from 'lighthouse';
import { launchBrowser, type Browser } from './browser';
import { freePort } from './server';

export type LighthouseCategory = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export interface LighthouseReport {
  url: string;
  /** Category scores, 0–100. */
  scores: Partial<Record<LighthouseCategory, number>>;
  /** Audits that count towards a category and did not pass, with what they flagged: for a failure message. */
  failures: string[];
  /** Largest contentful paint (ms) and cumulative layout shift, when performance ran. */
  lcp?: number | undefined;
  cls?: number | undefined;
}

export interface LighthouseBrowser {
  audit(url: string, categories: LighthouseCategory[]): Promise<LighthouseReport>;
  close(): Promise<void>;
}

/**
 * One Debian Chromium (the project's own, never a downloaded one) with a DevTools port for Lighthouse, audited one
 * page after another. Lighthouse runs as on a phone (its default): accessibility, best practices and SEO do not
 * depend on timing; performance is simulated on a slow 4G phone from the real load, as PageSpeed does.
 */
export async function startLighthouse(): Promise<LighthouseBrowser> {
  const port = await freePort();
  const browser: Browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  return {
    async audit(url, categories) {
      const timed = categories.includes('performance');
      const result = await lighthouse(url, {
        port,
        onlyCategories: categories,
        logLevel: 'error',
        // Without performance, no throttling and no full-page screenshot: the same findings in half the time.
        ...(!timed && { throttlingMethod: 'provided', disableFullPageScreenshot: true }),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores: LighthouseReport['scores'] = {};
      const failures: string[] = [];
      for (const category of categories) {
        const found = lhr.categories[category];
        scores[category] = Math.round((found?.score ?? 0) * 100);
        for (const ref of found?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          const items = audit.details && 'items' in audit.details ? (audit.details.items as { node?: { snippet?: string }; url?: string }[]) : [];
          const flagged = items.slice(0, 3).map((item) => item.node?.snippet ?? item.url ?? '').filter(Boolean);
          failures.push(`${category}: ${audit.title}${flagged.length > 0 ? ` (${flagged.join(', ')})` : ''}`);
        }
      }
      const numeric = (id: string) => lhr.audits[id]?.numericValue;
      return { url, scores, failures, lcp: numeric('largest-contentful-paint'), cls: numeric('cumulative-layout-shift') };
    },
    close: () => browser.close(),
  };
}
