import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, formatDays, formatIsoDate, localIsoDate, msUntilNextLocalDay, oneMonthAfter, oneMonthMark } from '../../src/lib/breakup-dates';
import { recommendedNext, type StepSummary } from '../../src/lib/next-step';
import { emptyState, withBreakupDate, withQuizResult, withRelationshipSafe, withStepDone, type ReaderState } from '../../src/lib/reader-state';

describe('one-month mark', () => {
  it.each([
    ['2026-03-14', '2026-04-14'],
    ['2026-01-31', '2026-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2026-12-15', '2027-01-15'],
    ['2026-03-31', '2026-04-30'],
  ])('%s → %s', (from, to) => {
    expect(oneMonthAfter(from)).toBe(to);
  });

  it('counts days since the breakup and down to the mark, with "today" injected', () => {
    expect(oneMonthMark('2026-03-14', '2026-03-14')).toEqual({ daysSince: 0, markDate: '2026-04-14', daysUntilMark: 31, reached: false });
    expect(oneMonthMark('2026-03-14', '2026-04-13')).toEqual({ daysSince: 30, markDate: '2026-04-14', daysUntilMark: 1, reached: false });
    expect(oneMonthMark('2026-03-14', '2026-04-14')).toEqual({ daysSince: 31, markDate: '2026-04-14', daysUntilMark: 0, reached: true });
    expect(oneMonthMark('2026-03-14', '2026-06-01').reached).toBe(true);
  });

  it('is unaffected by daylight-saving changes (whole calendar days)', () => {
    // Europe and the US change clocks in late March; the count must still step by exactly one per day.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('for any date, the mark is 28–31 days later and reached exactly on that day', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (breakup) => {
        const mark = oneMonthAfter(breakup);
        expect(daysBetween(breakup, mark)).toBeGreaterThanOrEqual(28);
        expect(daysBetween(breakup, mark)).toBeLessThanOrEqual(31);
        expect(oneMonthMark(breakup, mark).reached).toBe(true);
      }),
    );
  });

  it('writes dates and day counts for people', () => {
    expect(formatIsoDate('2026-04-01')).toBe('1 April 2026');
    expect([formatDays(0), formatDays(1), formatDays(22)]).toEqual(['0 days', '1 day', '22 days']);
  });

  it('uses the local calendar date and knows when the next day starts', () => {
    const lateEvening = new Date(2026, 2, 14, 23, 59, 30);
    expect(localIsoDate(lateEvening)).toBe('2026-03-14');
    expect(msUntilNextLocalDay(lateEvening)).toBe(30_000);
  });
});

describe('recommendedNext', () => {
  const steps: StepSummary[] = ['understand-why', 'why-you-want-this', 'take-time', 'how-they-feel'].map((slug, index) => ({
    slug,
    step: index + 1,
    title: `Title ${slug}`,
    href: `/steps/${slug}/`,
  }));
  const now = new Date('2026-03-01T12:00:00Z');
  const readiness = (band: string, flags: string[] = []) => withQuizResult(emptyState, 'readiness', { answers: {}, score: 10, band, flags }, now);
  const ready = readiness('ready');
  const startHere = { href: '/steps/understand-why/', label: 'Start step 1' };
  const waitFirst = { href: '/articles/missing-them-or-lonely/', label: 'Missing them, or just lonely?' };
  const done = (state: ReaderState, ...slugs: string[]) => slugs.reduce((current, slug) => withStepDone(current, slug, true, now), state);

  it('starts with the readiness check', () => {
    expect(recommendedNext(emptyState, steps, () => undefined, '2026-03-01')).toMatchObject({ kind: 'readiness', link: { href: '/before-you-start/' } });
  });

  it('points to help, never to the steps, when the relationship was not safe', () => {
    expect(recommendedNext(readiness('not-for-you', ['safety']), steps, () => startHere, '2026-03-01')).toMatchObject({ kind: 'safety', link: { href: '/about/#find-local-support' } });
    expect(recommendedNext(done(withRelationshipSafe(ready, 'no'), 'understand-why'), steps, () => startHere, '2026-03-01').kind).toBe('safety');
  });

  it('points to help when any quiz, not only the readiness check, had a safety answer', () => {
    const unsafeStep = withQuizResult(done(ready, 'understand-why'), 'how-they-feel', { answers: {}, score: 6, band: 'safety-first', flags: ['safety'] }, now);
    expect(recommendedNext(unsafeStep, steps, () => startHere, '2026-03-01')).toMatchObject({ kind: 'safety', link: { href: '/about/#find-local-support' } });
  });

  it('puts a crisis result first, linking where its band points', () => {
    const crisisHelp = { href: '/about/#find-local-support', label: 'Find support near you' };
    const links = (quizId: string, bandId: string) => (quizId === 'if-it-doesnt-work-out' && bandId === 'get-help-now' ? crisisHelp : startHere);
    const crisis = withQuizResult(withRelationshipSafe(ready, 'no'), 'if-it-doesnt-work-out', { answers: {}, score: 3, band: 'get-help-now', flags: ['crisis'] }, now);
    expect(recommendedNext(crisis, steps, links, '2026-03-01')).toEqual({ kind: 'crisis', link: crisisHelp });
  });

  it('follows a "not for now" step result, even when later steps are marked done', () => {
    const noContact = { href: '/articles/no-contact/', label: 'No contact' };
    const tooSoon = withQuizResult(done(ready, 'understand-why', 'why-you-want-this', 'take-time'), 'take-time', { answers: {}, score: 0, band: 'too-soon', flags: ['too-soon'] }, now);
    const links = (quizId: string) => (quizId === 'take-time' ? noContact : startHere);
    expect(recommendedNext(tooSoon, steps, links, '2026-03-01')).toEqual({ kind: 'held', link: noContact, result: { quizId: 'take-time', band: 'too-soon', hold: 'not-ready' } });
    // A retake that is no longer "not for now" lets the steps go on.
    const retaken = withQuizResult(tooSoon, 'take-time', { answers: {}, score: 8, band: 'ready-to-reach-out', flags: [] }, now);
    expect(recommendedNext(retaken, steps, links, '2026-03-01')).toMatchObject({ kind: 'step', step: { slug: 'how-they-feel' } });
  });

  it('follows a "not yet" readiness result until the reader starts the steps anyway', () => {
    const notYet = readiness('not-yet');
    expect(recommendedNext(notYet, steps, () => waitFirst, '2026-03-01')).toEqual({ kind: 'readiness-band', link: waitFirst });
    expect(recommendedNext(done(notYet, 'understand-why'), steps, () => waitFirst, '2026-03-01')).toMatchObject({ kind: 'step', step: { slug: 'why-you-want-this' } });
  });

  it('recommends the first step not yet done, in order', () => {
    expect(recommendedNext(ready, steps, () => startHere, '2026-03-01')).toMatchObject({ kind: 'step', link: { href: '/steps/understand-why/', label: 'Step 1: Title understand-why' } });
    expect(recommendedNext(done(ready, 'understand-why', 'take-time'), steps, () => startHere, '2026-03-01')).toMatchObject({ step: { slug: 'why-you-want-this' } });
  });

  it('asks the reader to wait at step 3 until the month apart is over', () => {
    const atStep3 = withBreakupDate(done(ready, 'understand-why', 'why-you-want-this'), '2026-02-20');
    expect(recommendedNext(atStep3, steps, () => startHere, '2026-03-01')).toMatchObject({ step: { slug: 'take-time' }, waitUntil: '2026-03-20' });
    expect(recommendedNext(atStep3, steps, () => startHere, '2026-03-20')).not.toHaveProperty('waitUntil');
  });

  it('says so when every step is done', () => {
    expect(recommendedNext(done(ready, ...steps.map((step) => step.slug)), steps, () => startHere, '2026-03-01')).toEqual({ kind: 'finished' });
  });
});
