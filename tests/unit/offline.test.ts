import { describe, expect, it } from 'vitest';
import { offlineVersion, referencedAssets } from '../../src/integrations/offline-precache';
import { serviceWorkerSource } from '../../src/integrations/offline-service-worker';
import { offlineCopyDelayMs, offlineOffKey, offlineRoute, serviceWorkerPath } from '../../src/lib/offline';
import { registerOfflineWorker } from '../../src/browser/offline-registration';

describe('offlineRoute', () => {
  it('serves build files, quiz data and the icon from the cache first', () => {
    expect(offlineRoute('/_astro/Base.DL9VXaBC.css')).toBe('asset');
    expect(offlineRoute('/quizzes/take-time.aB3-x_9QzK.json')).toBe('asset');
    expect(offlineRoute('/_astro/preact.wvsapEAw.js')).toBe('asset');
    expect(offlineRoute('/favicon.svg')).toBe('asset');
  });

  it('keeps the guide pages and articles for reading offline', () => {
    for (const path of ['/', '/before-you-start/', '/steps/take-time/', '/if-it-doesnt-work-out/', '/articles/no-contact/', '/progress/', '/print/']) {
      expect(offlineRoute(path), path).toBe('page');
    }
  });

  it('never touches the comments API, admin, search, shared results or other files', () => {
    for (const path of ['/api/comments', '/api/comments/', '/admin/', '/pagefind/pagefind.js', '/steps/take-time/result/steady/', '/rss.xml', '/og/steps/take-time.png', '/about/', '/sw.js']) {
      expect(offlineRoute(path), path).toBe('network');
    }
  });
});

describe('referencedAssets', () => {
  it('finds build files in pages, and the chunks a script imports', () => {
    const html = '<link rel="stylesheet" href="/_astro/Base.abc.css"><astro-island component-url="/_astro/Quiz.x1.js" renderer-url="/_astro/client.y2.js">';
    expect(referencedAssets(html)).toEqual(['/_astro/Base.abc.css', '/_astro/Quiz.x1.js', '/_astro/client.y2.js']);
    const chunk = 'import{a}from"./preact.p1.js";const s=()=>import(`./Share.s1.js`);url(./font.f1.woff2)';
    expect(referencedAssets(chunk)).toEqual(['/_astro/preact.p1.js', '/_astro/Share.s1.js', '/_astro/font.f1.woff2']);
  });

  it("finds a quiz's data file, and no other JSON", () => {
    const html = '<div class="quiz" data-wake-data="/quizzes/take-time.aB3-x_9QzK.json"><a href="/known-pages.json">';
    expect(referencedAssets(html)).toEqual(['/quizzes/take-time.aB3-x_9QzK.json']);
  });
});

describe('offlineVersion', () => {
  it('changes when any cached file changes, and only then', () => {
    const build = ['/\n<html>a</html>', '/_astro/a.js\nexport{}'];
    expect(offlineVersion(build)).toBe(offlineVersion([...build]));
    expect(offlineVersion(build)).not.toBe(offlineVersion(['/\n<html>b</html>', build[1]!]));
    expect(offlineVersion(build)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('serviceWorkerSource', () => {
  it('is a script that names its build and lists what it caches', () => {
    const source = serviceWorkerSource('0123456789abcdef', ['/', '/_astro/a.js']);
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('Build 0123456789abcdef;');
    expect(source).toContain('["/","/_astro/a.js"]');
    expect(source).not.toContain('skipWaiting');
  });
});

describe('the offline worker registration (src/browser/offline-registration.ts)', () => {
  /**
   * Runs the registration against a fake browser whose page is `readyState`; the page then loads, and `elapsedMs`
   * pass. Returns the worker paths it registered by then.
   */
  function run(offlineOff: string | null, elapsedMs: number, { readyState = 'loading' as DocumentReadyState, storageBlocked = false } = {}): string[] {
    const registered: string[] = [];
    const timers: { at: number; run: () => void }[] = [];
    const loadListeners: (() => void)[] = [];
    registerOfflineWorker({
      navigator: { serviceWorker: { register: (path: string) => (registered.push(path), Promise.resolve()) } },
      sessionStorage: {
        getItem: (key: string) => {
          if (storageBlocked) throw new DOMException('blocked', 'SecurityError');
          return key === offlineOffKey ? offlineOff : null;
        },
      },
      document: { readyState },
      addEventListener: (_type, listener) => void loadListeners.push(listener),
      setTimeout: (timer, delay) => void timers.push({ at: delay, run: timer }),
    });
    for (const listener of loadListeners) listener();
    for (const timer of timers) if (timer.at <= elapsedMs) timer.run();
    return registered;
  }

  it('registers the worker a few seconds after load, unless this tab turned offline copies off', () => {
    expect(run(null, 0)).toEqual([]);
    expect(run(null, offlineCopyDelayMs - 1)).toEqual([]);
    expect(run(null, offlineCopyDelayMs)).toEqual([serviceWorkerPath]);
    expect(run('1', offlineCopyDelayMs)).toEqual([]);
  });

  it('counts from now when the page has already loaded, and registers when storage is blocked', () => {
    expect(run(null, offlineCopyDelayMs, { readyState: 'complete' })).toEqual([serviceWorkerPath]);
    expect(run(null, offlineCopyDelayMs, { storageBlocked: true })).toEqual([serviceWorkerPath]);
  });

  it('does nothing in a browser without service workers', () => {
    expect(() => registerOfflineWorker({ navigator: {}, sessionStorage: { getItem: () => null }, document: { readyState: 'complete' }, addEventListener: () => undefined, setTimeout: () => undefined })).not.toThrow();
  });
});
