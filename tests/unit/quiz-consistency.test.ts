import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  answerCombinations,
  combinationCount,
  contradictionsOf,
  describeContradiction,
  findContradictions,
} from '../../src/lib/quiz-consistency';
import { possibleAnswers, quizOutcome, type QuizAnswers } from '../../src/lib/quiz-scoring';
import { quizSchema, type Quiz } from '../../src/lib/schemas/quiz';

const root = join(import.meta.dirname, '../..');
const quizDir = join(root, 'content/quizzes');
const fixtureDir = join(root, 'tests/fixtures/quizzes');

/** Quizzes with at most this many answer combinations are checked exhaustively; bigger ones by property test. */
const exhaustiveLimit = 300_000;

const load = (dir: string, file: string): Quiz => quizSchema.parse(parse(readFileSync(join(dir, file), 'utf8')));

/** Every contradiction of a quiz, described: all combinations when there are few enough, else a property test. */
function contradictionsIn(file: string, quiz: Quiz): string[] {
  if (combinationCount(quiz) <= exhaustiveLimit) {
    return findContradictions(quiz, answerCombinations(quiz)).map((found) => describeContradiction(file, quiz, found));
  }
  const answers = fc.record(Object.fromEntries(quiz.questions.map((question) => [question.id, fc.constantFrom(...possibleAnswers(question))]))) as fc.Arbitrary<QuizAnswers>;
  const result = fc.check(fc.property(answers, (given) => contradictionsOf(quiz, given).length === 0), { numRuns: 20_000, seed: 9 });
  const counterexample = result.counterexample?.[0];
  return counterexample ? findContradictions(quiz, [counterexample]).map((found) => describeContradiction(file, quiz, found)) : [];
}

describe('no result contradicts an answer', () => {
  const files = readdirSync(quizDir).filter((name) => name.endsWith('.yaml'));

  it.each(files)('%s: every answer combination reaches a band whose claims and rules it keeps', (file) => {
    const quiz = load(quizDir, file);
    expect(contradictionsIn(file, quiz)).toEqual([]);
  }, 60_000);

  it.each(files)('%s: every band is reachable', (file) => {
    const quiz = load(quizDir, file);
    if (combinationCount(quiz) > exhaustiveLimit) return;
    const reached = new Set<string>();
    for (const answers of answerCombinations(quiz)) reached.add(quizOutcome(quiz, answers)!.band.id);
    expect(quiz.bands.map((band) => band.id).filter((id) => !reached.has(id))).toEqual([]);
  }, 60_000);
});

describe('a quiz that breaks the promise', () => {
  const quiz = load(fixtureDir, 'contradicting.yaml');
  const found = contradictionsIn('contradicting.yaml', quiz);

  it('fails the check, naming the quiz, the answers and the claim they contradict', () => {
    expect(found).toContain(
      'contradicting.yaml: answers worth-it=yes, cope-with-no=cannot-imagine, patience=5, felt-safe=never reach "ready", but "ready" claims cope-with-no ∈ {would-cope}, but the answer was cannot-imagine',
    );
  });

  it('names a safety answer that does not reach a safety result', () => {
    expect(found.some((line) => /^contradicting\.yaml: answers .*felt-safe=afraid reach "(ready|not-yet)", but .*felt-safe=afraid is a safety answer \(safety\) but does not reach the safety result/.test(line))).toBe(true);
  });

  it('is caught by the property test too, when a quiz is too big to enumerate', () => {
    const answers = fc.record(Object.fromEntries(quiz.questions.map((question) => [question.id, fc.constantFrom(...possibleAnswers(question))]))) as fc.Arbitrary<QuizAnswers>;
    expect(fc.check(fc.property(answers, (given) => contradictionsOf(quiz, given).length === 0), { seed: 9 }).failed).toBe(true);
  });

  it('is kept once the answer blocks the band: the same answers then fall to the band below', () => {
    const raw = parse(readFileSync(join(fixtureDir, 'contradicting.yaml'), 'utf8'));
    raw.questions[1].options[1].blocks = ['ready'];
    raw.questions[2].low = { upTo: 3, blocks: ['ready'], holdBack: 'You said taking things slowly would be hard.' };
    raw.questions.pop(); // the safety question, which has no result to reach
    const fixed = quizSchema.parse(raw);
    expect(findContradictions(fixed, answerCombinations(fixed))).toEqual([]);
    expect(quizOutcome(fixed, { 'worth-it': 'yes', 'cope-with-no': 'cannot-imagine', patience: 5 })?.band.id).toBe('not-yet');
  });
});

describe('the schema names every broken rule by file and field', () => {
  it('bad-rules.yaml', () => {
    const result = quizSchema.safeParse(parse(readFileSync(join(fixtureDir, 'bad-rules.yaml'), 'utf8')));
    const issues = (result.error?.issues ?? []).map((issue) => `bad-rules.yaml: ${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'bad-rules.yaml: questions.0.options.1.blocks.0: no band "redy" in this quiz',
        'bad-rules.yaml: questions.0.options.2.holdBack: an answer that raises a flag, blocks or requires a band needs a holdBack text for the result',
        'bad-rules.yaml: questions.1.low.requires: no band "nowhere" in this quiz',
        'bad-rules.yaml: bands.0.claims.worth-it.1: "maybe" is not an answer to worth-it (yes-clearly, probably-not, afraid)',
        'bad-rules.yaml: bands.0.claims.patience.1: Too big: expected number to be <=5',
        'bad-rules.yaml: bands.0.claims.missing-question: no question "missing-question" in this quiz',
      ]),
    );
  });
});
