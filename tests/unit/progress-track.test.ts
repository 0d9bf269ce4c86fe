import { describe, expect, it } from 'vitest';
import { decodeReadPages } from '../../src/lib/read-pages';
import { monthTimeline, trackStops, type TrackStopSource } from '../../src/lib/progress-track';
import { emptyState, isStepDone, stepsDoneText, withQuizResult, withStepDone } from '../../src/lib/reader-state';

const stops: TrackStopSource[] = [
  { href: '/before-you-start/', label: 'Before you start', quizId: 'readiness' },
  { href: '/steps/understand-why/', label: 'Why you split up', step: 1, quizId: 'understand-why' },
  { href: '/steps/take-time/', label: 'Take time apart', step: 3, quizId: 'take-time' },
  { href: '/if-it-doesnt-work-out/', label: "If it doesn't work out" },
];
const bandTitles = { 'understand-why': { clear: 'You see it clearly' }, readiness: { ready: 'Ready to start' } };
const at = new Date('2026-11-20T10:00:00Z');
const result = { answers: {}, score: 4, flags: [] };

describe('trackStops', () => {
  it('says not started for everything on a clean start', () => {
    expect(trackStops(stops, emptyState, {}, bandTitles).map((stop) => [stop.state, stop.status])).toEqual(Array(4).fill(['not-started', 'Not started']));
  });

  it('ranks done over a self-assessment over having read the page, naming the band', () => {
    let state = withQuizResult(emptyState, 'understand-why', { ...result, band: 'clear' }, at);
    state = withStepDone(state, 'understand-why', true, at);
    state = withQuizResult(state, 'readiness', { ...result, band: 'ready' }, at);
    const read = { '/steps/take-time/': at.toISOString(), '/steps/understand-why/': at.toISOString() };
    expect(trackStops(stops, state, read, bandTitles).map((stop) => [stop.state, stop.status])).toEqual([
      ['quiz', 'Self-assessment: Ready to start'],
      ['done', 'Done; self-assessment: You see it clearly'],
      ['read', 'Read'],
      ['not-started', 'Not started'],
    ]);
  });

  it('shows a step marked not done again as its other state, and an unknown band without a title', () => {
    let state = withStepDone(emptyState, 'understand-why', false, at);
    state = withQuizResult(state, 'understand-why', { ...result, band: 'retired-band' }, at);
    const [, step] = trackStops(stops, state, {}, bandTitles);
    expect([step!.state, step!.status, step!.band]).toEqual(['quiz', 'Self-assessment taken', undefined]);
  });
});

describe('monthTimeline', () => {
  it('is absent without a date, or with a date in the future', () => {
    expect(monthTimeline(undefined, '2026-12-02')).toBeUndefined();
    expect(monthTimeline('2026-12-05', '2026-12-02')).toBeUndefined();
  });

  it('puts the mark ahead of the time so far before a month, and speaks of a minimum, not a countdown', () => {
    const line = monthTimeline('2026-11-20', '2026-12-02')!;
    expect(line.daysSince).toBe(12);
    expect(line.reached).toBe(false);
    expect(line.elapsed).toBeLessThan(line.mark);
    expect(line.mark).toBeLessThan(1);
    expect(line.summary).toBe('12 days since the breakup. Step 3 asks for at least a month apart, so not before 20 December 2026, and longer is fine.');
    expect(line.summary).not.toMatch(/to go|left/);
  });

  it('puts the time past the mark once a month has gone', () => {
    const line = monthTimeline('2026-10-01', '2026-12-02')!;
    expect(line.reached).toBe(true);
    expect(line.mark).toBeLessThan(line.elapsed);
    expect(line.elapsed).toBeLessThan(1);
    expect(line.summary).toMatch(/^62 days since the breakup\. You're past the one-month mark \(1 November 2026\)/);
  });
});

describe('read pages', () => {
  it('keeps guide paths with their dates, and drops garbage', () => {
    expect(decodeReadPages(null)).toEqual({});
    expect(decodeReadPages('not json')).toEqual({});
    expect(decodeReadPages('[1,2]')).toEqual({});
    const stored = JSON.stringify({ '/steps/take-time/': at.toISOString(), '/__proto__': 'x', 'javascript:alert(1)': at.toISOString(), '/steps/x/': 42 });
    expect(decodeReadPages(stored)).toEqual({ '/steps/take-time/': at.toISOString() });
    expect(decodeReadPages('null')).toEqual({});
  });
});

describe('steps done', () => {
  const done = withStepDone(withStepDone(emptyState, 'take-time', true, at), 'understand-why', false, at);

  it('marks a step page done only when the reader ticked that step', () => {
    expect(isStepDone(done, '/steps/take-time/')).toBe(true);
    expect(isStepDone(done, '/steps/understand-why/')).toBe(false);
    expect(isStepDone(done, '/steps/never-opened/')).toBe(false);
    // Only step pages carry a done mark, even where a slug matches.
    expect(isStepDone(done, '/articles/take-time/')).toBe(false);
    expect(isStepDone(done, '/steps/take-time')).toBe(false);
  });

  it('counts the steps done among those given', () => {
    expect(stepsDoneText(emptyState, ['take-time', 'understand-why'])).toBe('0 of 2 steps done');
    expect(stepsDoneText(done, ['take-time', 'understand-why', 'talk'])).toBe('1 of 3 steps done');
  });
});
