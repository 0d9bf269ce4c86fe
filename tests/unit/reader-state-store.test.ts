import { getTestStorage, setTestStorageKey } from '@nanostores/persistent';
import { describe, expect, it, vi } from 'vitest';
import { emptyState, stateStorageKey } from '../../src/lib/reader-state';
import { freshStoreLoader, refuseWrites } from '../support/persistent-store';

const at = new Date('2026-03-05T08:30:00.000Z');
const result = { answers: { 'how-long': 'under-a-month' }, score: 0, band: 'too-soon', flags: ['too-soon'] };

/** A fresh copy of the store module, reading whatever storage holds now (as a page load would). */
const loadStore = freshStoreLoader(
  stateStorageKey,
  async () => ({ ...(await import('../../src/stores/progress')), ...(await import('../../src/stores/reader-data')) }),
  (store) => store.readerState,
);

const saved = () => JSON.parse(getTestStorage()[stateStorageKey] ?? 'null');

describe('loading saved progress', () => {
  it('starts empty, and writes nothing, when storage is empty', async () => {
    const { readerState } = await loadStore();
    expect(readerState.get()).toEqual(emptyState);
    expect(getTestStorage()).toEqual({});
  });

  it.each([
    ['corrupted', '{"v":1,"quizzes":'],
    ['foreign', '{"cart":[1,2]}'],
    ['future-version', '{"v":99,"quizzes":{}}'],
  ])('drops %s data with a console warning and starts clean', async (_, text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { readerState } = await loadStore(text);
    expect(readerState.get()).toEqual(emptyState);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/ignored/);
  });

  it('keeps the valid part of a partly damaged document, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { readerState } = await loadStore(JSON.stringify({ v: 1, steps: { 'take-time': { done: true, at: at.toISOString() }, bad: 1 } }));
    expect(readerState.get().steps).toEqual({ 'take-time': { done: true, at: at.toISOString() } });
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('actions', () => {
  it('save quiz results with "last time", steps, dates and reflections as one JSON document', async () => {
    const store = await loadStore();
    store.saveQuizResult('take-time', result, at);
    store.saveQuizResult('take-time', { ...result, score: 9, band: 'ready-to-reach-out', flags: [] }, new Date('2026-04-01T00:00:00.000Z'));
    store.setStepDone('understand-why', true, at);
    store.setBreakupDate('2026-02-14');
    store.saveJournal('why-split', 'We stopped talking.');
    expect(saved()).toEqual({
      v: 1,
      quizzes: {
        'take-time': {
          answers: { 'how-long': 'under-a-month' },
          score: 9,
          band: 'ready-to-reach-out',
          flags: [],
          at: '2026-04-01T00:00:00.000Z',
          previous: { score: 0, band: 'too-soon', at: at.toISOString() },
        },
      },
      steps: { 'understand-why': { done: true, at: at.toISOString() } },
      breakupDate: '2026-02-14',
      journal: { 'why-split': 'We stopped talking.' },
    });
    expect(store.readerState.get()).toEqual(saved());
  });

  it('saves the readiness result with the breakup date and safety fact in one write', async () => {
    const store = await loadStore();
    const writes: unknown[] = [];
    store.readerState.listen((state) => writes.push(state));
    store.saveReadiness({ answers: { 'felt-safe': 'sometimes' }, score: 3, band: 'not-for-you', flags: ['safety'] }, { breakupDate: '2026-02-01', relationshipSafe: 'no' }, at);
    expect(writes).toHaveLength(1);
    expect(saved()).toMatchObject({ breakupDate: '2026-02-01', relationshipSafe: 'no', quizzes: { readiness: { band: 'not-for-you', flags: ['safety'] } } });
  });

  it('exports a document that imports back to the same state', async () => {
    const store = await loadStore();
    store.saveQuizResult('take-time', result, at);
    store.setStepDone('take-time', true, at);
    const file = store.exportState();
    const before = store.readerState.get();
    store.clearState();
    expect(store.importState(file)).toEqual({ ok: true, dropped: 0 });
    expect(store.readerState.get()).toEqual(before);
  });

  it('refuses a bad import file and leaves the state alone', async () => {
    const store = await loadStore();
    store.setStepDone('take-time', true, at);
    const before = store.readerState.get();
    expect(store.importState('not json at all')).toEqual({ ok: false, reason: 'not-json' });
    expect(store.importState('{"hello":"world"}')).toEqual({ ok: false, reason: 'not-state' });
    expect(store.importState('{"v":2}')).toEqual({ ok: false, reason: 'newer-version' });
    expect(store.readerState.get()).toBe(before);
  });

  it('reports how much of an import was skipped', async () => {
    const store = await loadStore();
    expect(store.importState(JSON.stringify({ v: 1, steps: { 'take-time': { done: 'maybe' } }, journal: { 'why-split': 'kept' } }))).toEqual({ ok: true, dropped: 1 });
    expect(store.readerState.get().journal).toEqual({ 'why-split': 'kept' });
  });

  it('delete everything removes the storage key entirely', async () => {
    const store = await loadStore();
    store.setStepDone('take-time', true, at);
    expect(Object.keys(getTestStorage())).toEqual([stateStorageKey]);
    store.clearState();
    expect(getTestStorage()).toEqual({});
    expect(store.readerState.get()).toEqual(emptyState);
  });

  it('carries on, with a warning, when storage refuses to save', async () => {
    const store = await loadStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const restore = refuseWrites(stateStorageKey);
    expect(() => store.setStepDone('take-time', true, at)).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    restore();
  });
});

describe('other tabs', () => {
  it('follows changes another tab writes, and starts clean when it deletes everything', async () => {
    const store = await loadStore();
    const unlisten = store.readerState.listen(() => {});
    setTestStorageKey(stateStorageKey, JSON.stringify({ v: 1, steps: { 'casual-date': { done: true, at: at.toISOString() } } }));
    expect(store.readerState.get().steps['casual-date']?.done).toBe(true);
    setTestStorageKey(stateStorageKey, undefined);
    expect(store.readerState.get()).toEqual(emptyState);
    unlisten();
  });

  it('drops garbage another tab writes, with a warning', async () => {
    const store = await loadStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unlisten = store.readerState.listen(() => {});
    setTestStorageKey(stateStorageKey, '<<<');
    expect(store.readerState.get()).toEqual(emptyState);
    expect(warn).toHaveBeenCalledOnce();
    unlisten();
  });
});
