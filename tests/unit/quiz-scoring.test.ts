import { describe, expect, it } from 'vitest';
import {
  achievableScores,
  answerEffects,
  bandFor,
  possibleAnswers,
  quizOutcome,
  relationshipSafeFrom,
  scoreAnswers,
  unansweredQuestions,
  validAnswers,
} from '../../src/lib/quiz-scoring';
import { quizSchema, type QuizInput } from '../../src/lib/schemas/quiz';

const band = (id: string, min: number, max: number) => ({
  id,
  min,
  max,
  title: `Band ${id}`,
  guidance: `Guidance for ${id}.`,
  next: { href: '/steps/take-time/', label: 'Next' },
});

/** One question of each kind; scores 0…9 without flags. */
const fixture: QuizInput = {
  title: 'Fixture quiz',
  intro: 'A quiz that uses every kind of question.',
  questions: [
    {
      id: 'pick-one',
      kind: 'single',
      prompt: 'Pick one',
      options: [
        { id: 'low', label: 'Low', score: 0, explanation: 'Low chosen.' },
        { id: 'high', label: 'High', score: 2, relationshipSafe: 'yes' },
        { id: 'unsafe', label: 'Unsafe', score: 0, flags: ['safety'], holdBack: 'You said you felt unsafe.' },
        { id: 'unsure', label: 'Rather not say', relationshipSafe: 'unsure' },
      ],
    },
    {
      id: 'pick-many',
      kind: 'multiple',
      prompt: 'Pick many',
      options: [
        { id: 'a', label: 'A', score: 1, explanation: 'A chosen.' },
        { id: 'b', label: 'B', score: 2 },
        { id: 'none', label: 'None of these' },
        { id: 'soon', label: 'Too soon', flags: ['too-soon'], holdBack: 'You said it is too soon.' },
      ],
    },
    { id: 'yes-or-no', kind: 'yesno', prompt: 'Yes or no?', yes: { score: 1, explanation: 'Yes chosen.' }, no: { score: 0 } },
    { id: 'agree', kind: 'scale', prompt: 'Do you agree?', explanation: 'About agreeing.' },
  ],
  bands: [
    { ...band('unsafe', 0, 0), min: undefined, max: undefined, flag: 'safety' },
    { ...band('soon', 0, 0), min: undefined, max: undefined, flag: 'too-soon' },
    band('low', 0, 3),
    band('middle', 4, 6),
    band('high', 7, 10),
  ],
};
const quiz = quizSchema.parse(fixture);
const complete = { 'pick-one': 'high', 'pick-many': ['a', 'b'], 'yes-or-no': 'yes', agree: 5 };

describe('answerEffects', () => {
  const [single, multiple, yesno, scale] = quiz.questions as [typeof quiz.questions[number], typeof quiz.questions[number], typeof quiz.questions[number], typeof quiz.questions[number]];

  it('accepts only answers that fit the question', () => {
    expect(answerEffects(single, 'high')?.map((effect) => effect.score)).toEqual([2]);
    expect(answerEffects(single, 'missing')).toBeUndefined();
    expect(answerEffects(single, ['high'])).toBeUndefined();
    expect(answerEffects(multiple, ['a', 'b'])?.map((effect) => effect.score)).toEqual([1, 2]);
    expect(answerEffects(multiple, [])).toBeUndefined();
    expect(answerEffects(multiple, ['a', 'a'])).toBeUndefined();
    expect(answerEffects(multiple, ['a', 'zzz'])).toBeUndefined();
    expect(answerEffects(yesno, 'no')?.[0]?.score).toBe(0);
    expect(answerEffects(yesno, 'maybe')).toBeUndefined();
    expect(answerEffects(scale, 0)).toBeUndefined();
    expect(answerEffects(scale, 6)).toBeUndefined();
    expect(answerEffects(scale, 2.5)).toBeUndefined();
    expect(answerEffects(scale, '3')).toBeUndefined();
  });

  it('scores the 1–5 scale with the default 0–4 points and carries the question explanation', () => {
    expect(answerEffects(scale, 1)).toEqual([{ score: 0, flags: [], blocks: [], explanation: 'About agreeing.' }]);
    expect(answerEffects(scale, 5)?.[0]?.score).toBe(4);
  });

  it('lists every possible answer, including every non-empty multiple-choice subset', () => {
    expect(possibleAnswers(single)).toEqual(['low', 'high', 'unsafe', 'unsure']);
    expect(possibleAnswers(multiple)).toHaveLength(15);
    expect(possibleAnswers(yesno)).toEqual(['yes', 'no']);
    expect(possibleAnswers(scale)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('scoring and banding', () => {
  it('sums per-option scores across every kind of question', () => {
    expect(scoreAnswers(quiz, complete)).toEqual({ score: 2 + 3 + 1 + 4, flags: [], blocks: [], requires: [] });
    expect(quizOutcome(quiz, complete)?.band.id).toBe('high');
    expect(quizOutcome(quiz, { 'pick-one': 'low', 'pick-many': ['none'], 'yes-or-no': 'no', agree: 1 })?.band.id).toBe('low');
    expect(quizOutcome(quiz, { 'pick-one': 'low', 'pick-many': ['b'], 'yes-or-no': 'no', agree: 3 })?.band.id).toBe('middle');
  });

  it('band edges are inclusive', () => {
    expect(bandFor(quiz, 3, []).id).toBe('low');
    expect(bandFor(quiz, 4, []).id).toBe('middle');
    expect(bandFor(quiz, 6, []).id).toBe('middle');
    expect(bandFor(quiz, 7, []).id).toBe('high');
  });

  it('lets a raised flag win over the score, in band order', () => {
    const unsafe = quizOutcome(quiz, { ...complete, 'pick-one': 'unsafe' });
    expect(unsafe?.flags).toEqual(['safety']);
    expect(unsafe?.band.id).toBe('unsafe');
    const soon = quizOutcome(quiz, { ...complete, 'pick-many': ['a', 'soon'] });
    expect(soon?.band.id).toBe('soon');
    expect(bandFor(quiz, 10, ['too-soon', 'safety']).id).toBe('unsafe');
  });

  it('ignores a flag no band is waiting for', () => {
    expect(bandFor(quiz, 9, ['not-ready']).id).toBe('high');
  });

  it('falls back to the nearest score band for a score outside every band', () => {
    expect(bandFor(quiz, -5, []).id).toBe('low');
    expect(bandFor(quiz, 99, []).id).toBe('high');
  });

  it('gives no outcome while a question is unanswered, and names those questions in order', () => {
    const partial = { 'pick-many': ['a'], agree: 9 };
    expect(quizOutcome(quiz, partial)).toBeUndefined();
    expect(unansweredQuestions(quiz, partial)).toEqual(['pick-one', 'yes-or-no', 'agree']);
    expect(unansweredQuestions(quiz, complete)).toEqual([]);
  });

  it('keeps only answers that still fit the questions', () => {
    expect(validAnswers(quiz, { ...complete, agree: 7, gone: 'x' })).toEqual({ 'pick-one': 'high', 'pick-many': ['a', 'b'], 'yes-or-no': 'yes' });
  });

  it('lists every reachable total', () => {
    // single 0|2, multiple 0…3 (any non-empty subset), yes/no 0|1, scale 0…4.
    expect(achievableScores(quiz)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('relationshipSafeFrom', () => {
  it('reads "no" from a safety flag, else what the chosen answer declares', () => {
    expect(relationshipSafeFrom(quiz, { ...complete, 'pick-one': 'unsafe' })).toBe('no');
    expect(relationshipSafeFrom(quiz, complete)).toBe('yes');
    expect(relationshipSafeFrom(quiz, { ...complete, 'pick-one': 'unsure' })).toBe('unsure');
    expect(relationshipSafeFrom(quiz, { ...complete, 'pick-one': 'low' })).toBeUndefined();
  });
});

describe('answers that decide', () => {
  /** Scores 0…8; "low" blocks "high"; "stop" requires "stopped"; the scale's low end blocks "high" too. */
  const deciding = quizSchema.parse({
    title: 'Deciding quiz',
    intro: 'A quiz whose answers can decide the result.',
    questions: [
      {
        id: 'pick',
        kind: 'single',
        prompt: 'Pick one',
        options: [
          { id: 'good', label: 'Good', score: 4 },
          { id: 'holds', label: 'Holds back', score: 4, blocks: ['high'], holdBack: 'You said something that holds you back.' },
          { id: 'stop', label: 'Stop', score: 4, requires: 'stopped', holdBack: 'You said something that stops everything.' },
        ],
      },
      { id: 'agree', kind: 'scale', prompt: 'Do you agree?', scores: [0, 0, 1, 2, 4], low: { upTo: 2, blocks: ['high'], holdBack: 'You disagreed.' } },
      { id: 'sure', kind: 'yesno', prompt: 'Sure?', yes: { score: 0 }, no: { score: 0 } },
    ],
    bands: [
      { id: 'stopped', title: 'Stopped', guidance: 'Only an answer leads here.', next: { href: '/', label: 'Home' } },
      { id: 'high', min: 6, max: 8, title: 'High', guidance: 'The high band.', next: { href: '/', label: 'Home' } },
      { id: 'middle', min: 3, max: 5, title: 'Middle', guidance: 'The middle band.', next: { href: '/', label: 'Home' } },
      { id: 'low', min: 0, max: 2, title: 'Low', guidance: 'The low band.', next: { href: '/', label: 'Home' } },
    ],
  });

  it('a blocking answer lowers the result to the nearest open band, never lifts it', () => {
    expect(quizOutcome(deciding, { pick: 'good', agree: 5, sure: 'yes' })?.band.id).toBe('high');
    expect(quizOutcome(deciding, { pick: 'holds', agree: 5, sure: 'yes' })?.band.id).toBe('middle');
    expect(bandFor(deciding, 1, [], { blocks: ['high'] }).id).toBe('low');
    expect(bandFor(deciding, 1, [], { blocks: ['low'] }).id).toBe('middle');
  });

  it('the low end of a scale carries its own rules', () => {
    expect(quizOutcome(deciding, { pick: 'good', agree: 3, sure: 'yes' })?.band.id).toBe('middle');
    const low = quizOutcome(deciding, { pick: 'good', agree: 2, sure: 'yes' });
    expect(low?.blocks).toEqual(['high']);
    expect(low?.holdBacks).toEqual(['You disagreed.']);
  });

  it('a required band wins over the score, and the result lists what was said, in question order', () => {
    const outcome = quizOutcome(deciding, { pick: 'stop', agree: 1, sure: 'no' });
    expect(outcome?.band.id).toBe('stopped');
    expect(outcome?.requires).toEqual(['stopped']);
    expect(outcome?.holdBacks).toEqual(['You said something that stops everything.', 'You disagreed.']);
  });
});
