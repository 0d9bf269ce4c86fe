import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUICK_EXIT_URL,
  SHIFT_WINDOW_MS,
  countKeyRelease,
  expireShiftCounter,
  initialShiftCounter,
  resolveQuickExitUrl,
  shiftAnnouncement,
  windowClosesAt,
  type KeyRelease,
  type ShiftCounter,
  type ShiftOutcome,
} from '../../src/lib/quick-exit';

const shift = (at: number): KeyRelease => ({ key: 'Shift', shiftKey: false, at });
const key = (name: string, at: number, shiftKey = false): KeyRelease => ({ key: name, shiftKey, at });

/** Feeds key releases through the counter and returns every outcome. */
function run(releases: KeyRelease[], start: ShiftCounter = initialShiftCounter): { counter: ShiftCounter; outcomes: ShiftOutcome[] } {
  let counter = start;
  const outcomes: ShiftOutcome[] = [];
  for (const release of releases) {
    const result = countKeyRelease(counter, release);
    counter = result.counter;
    outcomes.push(result.outcome);
  }
  return { counter, outcomes };
}

describe('quick exit destination', () => {
  it('defaults to a neutral weather page', () => {
    expect(resolveQuickExitUrl(undefined)).toBe(DEFAULT_QUICK_EXIT_URL);
    expect(resolveQuickExitUrl('  ')).toBe(DEFAULT_QUICK_EXIT_URL);
    expect(DEFAULT_QUICK_EXIT_URL).toMatch(/^https:\/\/.+weather/);
  });

  it('takes an absolute http(s) URL or a path on this site', () => {
    expect(resolveQuickExitUrl('https://example.org/news')).toBe('https://example.org/news');
    expect(resolveQuickExitUrl('/neutral/')).toBe('/neutral/');
  });

  it('refuses anything that would not take the reader somewhere safe', () => {
    expect(() => resolveQuickExitUrl('javascript:alert(1)')).toThrow(/http or https/);
    expect(() => resolveQuickExitUrl('weather')).toThrow(/QUICK_EXIT_URL/);
    expect(() => resolveQuickExitUrl('//elsewhere.example/')).toThrow(/QUICK_EXIT_URL/);
  });
});

describe('triple Shift', () => {
  it('counts down and exits on the third press within five seconds', () => {
    const { outcomes, counter } = run([shift(0), shift(1000), shift(SHIFT_WINDOW_MS - 1)]);
    expect(outcomes).toEqual([{ kind: 'counted', remaining: 2 }, { kind: 'counted', remaining: 1 }, { kind: 'exit' }]);
    expect(counter).toEqual(initialShiftCounter);
  });

  it('announces each press', () => {
    expect(shiftAnnouncement(2)).toBe('Shift, press 2 more times to exit.');
    expect(shiftAnnouncement(1)).toBe('Shift, press 1 more time to exit.');
  });

  it('starts over when the third press comes five seconds or more after the first', () => {
    const { outcomes } = run([shift(0), shift(1000), shift(SHIFT_WINDOW_MS)]);
    expect(outcomes.at(-1)).toEqual({ kind: 'counted', remaining: 2 });
  });

  it('forgets presses once the window has closed', () => {
    const { counter } = run([shift(100), shift(200)]);
    expect(windowClosesAt(counter)).toBe(100 + SHIFT_WINDOW_MS);
    expect(expireShiftCounter(counter, 100 + SHIFT_WINDOW_MS - 1)).toBe(counter);
    expect(expireShiftCounter(counter, 100 + SHIFT_WINDOW_MS).presses).toEqual([]);
  });

  it('is interrupted by any other key', () => {
    const { outcomes } = run([shift(0), key('a', 10), shift(20), shift(30)]);
    expect(outcomes).toEqual([
      { kind: 'counted', remaining: 2 },
      { kind: 'interrupted' },
      { kind: 'counted', remaining: 2 },
      { kind: 'counted', remaining: 1 },
    ]);
  });

  it('does not count the Shift let go after typing capital letters', () => {
    // Typing "ABC": each letter is released with Shift held, then Shift is released.
    const typing = [key('A', 0, true), shift(5), key('B', 10, true), shift(15), key('C', 20, true), shift(25)];
    expect(run(typing).outcomes.filter((outcome) => outcome.kind === 'exit' || outcome.kind === 'counted')).toEqual([]);
  });

  it('never exits without three Shift presses inside one window (property)', () => {
    const release = fc.record({
      key: fc.constantFrom('Shift', 'a', 'Tab', 'Enter'),
      shiftKey: fc.boolean(),
      gap: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(fc.array(release, { maxLength: 40 }), (steps) => {
        let at = 0;
        const releases = steps.map((step) => ({ key: step.key, shiftKey: step.shiftKey, at: (at += step.gap) }));
        const { outcomes } = run(releases);
        outcomes.forEach((outcome, index) => {
          if (outcome.kind !== 'exit') return;
          // The two Shift releases before this one were counted, with nothing else in between, within the window.
          const previous = releases.slice(Math.max(0, index - 2), index + 1);
          expect(previous).toHaveLength(3);
          expect(previous.every((candidate) => candidate.key === 'Shift')).toBe(true);
          expect(previous[2]!.at - previous[0]!.at).toBeLessThan(SHIFT_WINDOW_MS);
        });
      }),
    );
  });
});
