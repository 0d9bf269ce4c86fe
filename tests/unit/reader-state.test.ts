import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeReaderState,
  emptyState,
  isCalendarDate,
  isEmptyState,
  parseReaderState,
  stateVersion,
  withBreakupDate,
  withJournalEntry,
  withQuizResult,
  withRelationshipSafe,
  withStepDone,
  type ReaderState,
} from '../../src/lib/reader-state';

const at = '2026-03-01T10:00:00.000Z';
const fullState: ReaderState = {
  v: 1,
  quizzes: {
    readiness: {
      answers: { 'worth-it': 'yes-clearly', patience: 4, signals: ['a', 'b'] },
      score: 10,
      band: 'ready',
      flags: [],
      at,
      previous: { score: 6, band: 'not-yet', at: '2026-02-01T09:00:00.000Z' },
    },
    'take-time': { answers: { 'how-long': 'under-a-month' }, score: 0, band: 'too-soon', flags: ['too-soon'], at },
  },
  steps: { 'understand-why': { done: true, at }, 'take-time': { done: false, at } },
  breakupDate: '2026-02-14',
  relationshipSafe: 'yes',
  journal: { 'why-split': 'We stopped making time for each other.' },
};

describe('parseReaderState', () => {
  it('keeps a valid document exactly', () => {
    expect(parseReaderState(structuredClone(fullState))).toEqual({ state: fullState, dropped: 0 });
    expect(decodeReaderState(JSON.stringify(fullState))).toEqual({ state: fullState, dropped: 0 });
  });

  it('treats nothing stored as a clean start, not an error', () => {
    expect(decodeReaderState(null)).toEqual({ state: emptyState, dropped: 0 });
  });

  it('fills missing sections of a minimal document', () => {
    expect(parseReaderState({ v: 1 })).toEqual({ state: emptyState, dropped: 0 });
  });

  it.each([
    ['not JSON', '{"v":1,', 'not-json'],
    ['an array', '[1,2,3]', 'not-state'],
    ['a string', '"hello"', 'not-state'],
    ['null', 'null', 'not-state'],
    ['another app\'s data', '{"theme":"dark","items":[]}', 'not-state'],
    ['version 0', '{"v":0}', 'not-state'],
    ['a version that is not a whole number', '{"v":"1"}', 'not-state'],
    ['a newer version', '{"v":2,"quizzes":{}}', 'newer-version'],
  ])('rejects %s whole', (_, text, reason) => {
    expect(decodeReaderState(text)).toEqual({ state: emptyState, dropped: 0, rejected: reason });
  });

  it('drops and counts malformed entries, keeping the rest', () => {
    const damaged = {
      ...structuredClone(fullState),
      quizzes: {
        readiness: { ...fullState.quizzes.readiness, previous: { score: 'high' }, flags: ['safety', 42] },
        broken: { score: 1 },
        'Bad Id': fullState.quizzes['take-time'],
      },
      steps: { 'take-time': { done: 'yes', at }, 'how-they-feel': { done: true, at: 'yesterday' }, 'casual-date': { done: true, at } },
      journal: { 'why-split': 7, 'my-part': 'I went quiet.', __proto__: 'x' },
      breakupDate: '2026-02-30',
      relationshipSafe: 'maybe',
      extra: true,
    };
    const { state, dropped } = parseReaderState(JSON.parse(JSON.stringify(damaged)));
    expect(state.quizzes.readiness?.previous).toBeUndefined();
    expect(state.quizzes.readiness?.flags).toEqual(['safety']);
    expect(Object.keys(state.quizzes)).toEqual(['readiness']);
    expect(state.steps).toEqual({ 'casual-date': { done: true, at } });
    expect(state.journal).toEqual({ 'my-part': 'I went quiet.' });
    expect(state.breakupDate).toBeUndefined();
    expect(state.relationshipSafe).toBeUndefined();
    // previous, flag 42, broken, Bad Id, two steps, journal 7, breakupDate, relationshipSafe, extra
    expect(dropped).toBe(10);
  });

  it('never lets a stored key reach an object prototype', () => {
    const { state } = decodeReaderState('{"v":1,"quizzes":{"__proto__":{"polluted":true}},"journal":{"constructor":"x"}}');
    expect(Object.getPrototypeOf(state.quizzes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A slug-shaped name like "constructor" is only ever an own, plain entry.
    expect(Object.getOwnPropertyDescriptor(state.journal, 'constructor')?.value).toBe('x');
    expect(({} as object).constructor).toBe(Object);
  });

  it('caps oversized content', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`prompt-${index}`, 'x']));
    const { state, dropped } = parseReaderState({ v: 1, journal: { ...many, huge: 'x'.repeat(20_001) } });
    expect(Object.keys(state.journal)).toHaveLength(100);
    expect(dropped).toBe(51);
  });
});

/** Arbitrary valid reader states. */
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
const isoMoment = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
const isoDay = isoMoment.map((moment) => moment.slice(0, 10));
const answer = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), fc.integer({ min: -100, max: 100 }));
const summary = fc.record({ score: fc.integer({ min: -50, max: 50 }), band: slug, at: isoMoment });
const quizResult = fc.record(
  { answers: fc.dictionary(slug, answer, { maxKeys: 7 }), score: fc.integer({ min: -50, max: 50 }), band: slug, flags: fc.uniqueArray(slug, { maxLength: 3 }), at: isoMoment, previous: summary },
  { requiredKeys: ['answers', 'score', 'band', 'flags', 'at'] },
);
const validState: fc.Arbitrary<ReaderState> = fc.record(
  {
    v: fc.constant(stateVersion),
    quizzes: fc.dictionary(slug, quizResult, { maxKeys: 5 }),
    steps: fc.dictionary(slug, fc.record({ done: fc.boolean(), at: isoMoment }), { maxKeys: 9 }),
    breakupDate: isoDay,
    relationshipSafe: fc.constantFrom('yes' as const, 'no' as const, 'unsure' as const),
    journal: fc.dictionary(slug, fc.string({ maxLength: 200 }), { maxKeys: 4 }),
  },
  { requiredKeys: ['v', 'quizzes', 'steps', 'journal'] },
);

describe('fuzzing the reader', () => {
  it('never throws on any JSON value, and what it returns is itself valid', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { state } = parseReaderState(value);
        expect(parseReaderState(JSON.parse(JSON.stringify(state)))).toEqual({ state, dropped: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decodeReaderState(text)).not.toThrow();
      }),
    );
  });

  it('never throws on damaged versions of a real document, and keeps what it can', () => {
    const mutation = fc.record({ path: fc.constantFrom('quizzes', 'steps', 'journal', 'breakupDate', 'relationshipSafe', 'v'), value: fc.anything() });
    fc.assert(
      fc.property(validState, mutation, (state, { path, value }) => {
        const damaged = { ...state, [path]: value };
        const parsed = parseReaderState(JSON.parse(JSON.stringify(damaged) ?? 'null'));
        if (path !== 'v') expect(parsed.rejected).toBeUndefined();
        expect(parseReaderState(JSON.parse(JSON.stringify(parsed.state))).dropped).toBe(0);
      }),
    );
  });

  it('round-trips every valid state through JSON unchanged', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(decodeReaderState(JSON.stringify(state))).toEqual({ state, dropped: 0 });
      }),
    );
  });
});

describe('state updates', () => {
  const now = new Date('2026-03-05T08:30:00.000Z');

  it('keeps the replaced quiz result as "last time"', () => {
    const first = withQuizResult(emptyState, 'take-time', { answers: { a: 'x' }, score: 2, band: 'give-it-longer', flags: [] }, new Date(at));
    expect(first.quizzes['take-time']?.previous).toBeUndefined();
    const second = withQuizResult(first, 'take-time', { answers: { a: 'y' }, score: 8, band: 'ready-to-reach-out', flags: [] }, now);
    expect(second.quizzes['take-time']).toEqual({
      answers: { a: 'y' },
      score: 8,
      band: 'ready-to-reach-out',
      flags: [],
      at: now.toISOString(),
      previous: { score: 2, band: 'give-it-longer', at },
    });
    expect(first.quizzes['take-time']?.band).toBe('give-it-longer');
  });

  it('marks steps done and undone with the time', () => {
    const done = withStepDone(emptyState, 'take-time', true, now);
    expect(done.steps['take-time']).toEqual({ done: true, at: now.toISOString() });
    expect(withStepDone(done, 'take-time', false, now).steps['take-time']?.done).toBe(false);
  });

  it('sets and clears the breakup date and safety fact, ignoring impossible dates', () => {
    const dated = withBreakupDate(emptyState, '2026-01-31');
    expect(dated.breakupDate).toBe('2026-01-31');
    expect(withBreakupDate(dated, '2026-13-01').breakupDate).toBeUndefined();
    expect('breakupDate' in withBreakupDate(dated, undefined)).toBe(false);
    expect(withRelationshipSafe(emptyState, 'unsure').relationshipSafe).toBe('unsure');
  });

  it('saves reflections and removes empty ones', () => {
    const written = withJournalEntry(emptyState, 'why-split', 'We grew apart.');
    expect(written.journal).toEqual({ 'why-split': 'We grew apart.' });
    expect(withJournalEntry(written, 'why-split', '  ').journal).toEqual({});
  });

  it('knows when there is nothing to keep', () => {
    expect(isEmptyState(emptyState)).toBe(true);
    expect(isEmptyState(withJournalEntry(emptyState, 'why-split', 'x'))).toBe(false);
    expect(isEmptyState(fullState)).toBe(false);
  });

  it('never changes the shared empty state', () => {
    withStepDone(emptyState, 'take-time', true, now);
    withQuizResult(emptyState, 'readiness', { answers: {}, score: 0, band: 'ready', flags: [] }, now);
    expect(emptyState).toEqual({ v: 1, quizzes: {}, steps: {}, journal: {} });
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['2026-04-01T00:00', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
