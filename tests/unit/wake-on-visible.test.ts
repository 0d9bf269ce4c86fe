import { afterEach, describe, expect, it, vi } from 'vitest';
import { wakeOnVisible, type PageScript, type PreactParts } from '../../src/browser/wake-on-visible';

/**
 * A root the server rendered: `data-wake` names its script, `data-wake-data` a file to fetch for it, `data-asleep`
 * stays until that script starts.
 */
function root(name: string, wakeData?: string) {
  const attributes = new Set(['data-asleep']);
  return {
    dataset: { wake: name, ...(wakeData && { wakeData }) },
    hasAttribute: (attribute: string) => attributes.has(attribute),
    removeAttribute: (attribute: string) => void attributes.delete(attribute),
  };
}
type Root = ReturnType<typeof root>;

/** A page holding `roots`, with an IntersectionObserver the test drives and an `online` event it can fire. */
function page(roots: Root[]) {
  const observed = new Set<Root>();
  let report: (entries: { isIntersecting: boolean; target: Root }[]) => void = () => undefined;
  const online: (() => void)[] = [];
  vi.stubGlobal('document', { querySelectorAll: () => roots.filter((candidate) => candidate.hasAttribute('data-asleep')) });
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe(target: Root) {
        observed.add(target);
      }
      unobserve(target: Root) {
        observed.delete(target);
      }
    },
  );
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => type === 'online' && online.push(listener));
  return {
    observed,
    /** The roots given come into view (those not observed are not reported). */
    show: (...targets: Root[]) => report(targets.filter((target) => observed.has(target)).map((target) => ({ isIntersecting: true, target }))),
    hide: (...targets: Root[]) => report(targets.map((target) => ({ isIntersecting: false, target }))),
    backOnline: () => online.splice(0).forEach((listener) => listener()),
  };
}

const parts: PreactParts = { loadShare: () => Promise.reject(new Error('unused')), loadForms: () => Promise.reject(new Error('unused')) };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('page scripts started when they come into view (src/browser/wake-on-visible.ts)', () => {
  it('loads a script only once its root is on screen, starts it on that root with the parts, and wakes the root', async () => {
    const quiz = root('quiz');
    const thread = root('comments');
    const browser = page([quiz, thread]);
    const started: [string, unknown, PreactParts][] = [];
    const load = (name: string) => vi.fn(async (): Promise<PageScript> => ({ start: (target, given) => void started.push([name, target, given]) }));
    const scripts = { quiz: load('quiz'), comments: load('comments') };
    wakeOnVisible(scripts, parts);
    expect(browser.observed).toEqual(new Set([quiz, thread]));

    browser.hide(quiz, thread);
    browser.show(quiz);
    await settle();
    expect(scripts.quiz).toHaveBeenCalledTimes(1);
    expect(scripts.comments).not.toHaveBeenCalled();
    expect(started).toEqual([['quiz', quiz, parts]]);
    expect(quiz.hasAttribute('data-asleep')).toBe(false);
    expect(thread.hasAttribute('data-asleep')).toBe(true);
    // Started once: the root is no longer watched.
    browser.show(quiz);
    await settle();
    expect(scripts.quiz).toHaveBeenCalledTimes(1);
  });

  it('leaves a root whose code failed to load asleep, and tries again once the browser is back online', async () => {
    const thread = root('comments');
    const browser = page([thread]);
    let attempts = 0;
    const start = vi.fn();
    wakeOnVisible({ comments: async () => (++attempts === 1 ? Promise.reject(new Error('offline')) : { start }) }, parts);

    browser.show(thread);
    await settle();
    expect(start).not.toHaveBeenCalled();
    expect(thread.hasAttribute('data-asleep')).toBe(true);
    expect(browser.observed.size).toBe(0);

    browser.backOnline();
    expect(browser.observed).toEqual(new Set([thread]));
    browser.show(thread);
    await settle();
    expect(start).toHaveBeenCalledWith(thread, parts, undefined);
    expect(thread.hasAttribute('data-asleep')).toBe(false);
  });

  it("fetches a root's data file beside its script, hands the response to the script, and wakes the root once it has started", async () => {
    const quiz = root('quiz', '/quizzes/take-time.abc.json');
    const browser = page([quiz]);
    const response = new Response('{}');
    const fetched = vi.fn(async () => response);
    vi.stubGlobal('fetch', fetched);
    let loaded: (script: PageScript) => void = () => undefined;
    let started: () => void = () => undefined;
    const start = vi.fn(() => new Promise<void>((resolve) => (started = resolve)));
    wakeOnVisible({ quiz: () => new Promise<PageScript>((resolve) => (loaded = resolve)) }, parts);

    browser.show(quiz);
    // The data is on its way before the script has arrived.
    expect(fetched).toHaveBeenCalledWith('/quizzes/take-time.abc.json');
    loaded({ start });
    await settle();
    expect(start).toHaveBeenCalledTimes(1);
    const [target, given, data] = start.mock.calls[0] as unknown as [Root, PreactParts, Promise<Response>];
    expect([target, given]).toEqual([quiz, parts]);
    expect(await data).toBe(response);
    // Asleep until the script says it has started (a quiz waits for its data).
    expect(quiz.hasAttribute('data-asleep')).toBe(true);
    started();
    await settle();
    expect(quiz.hasAttribute('data-asleep')).toBe(false);
  });

  it('ignores a root whose name no script answers to', async () => {
    const unknown = root('poll');
    const browser = page([unknown]);
    wakeOnVisible({}, parts);
    browser.show(unknown);
    await settle();
    expect(unknown.hasAttribute('data-asleep')).toBe(true);
  });
});
