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
  });

  it.each(files)('%s: every band is reachable', (file) => {
    const quiz = load(quizDir, file);
    if (combinationCount(quiz) > exhaustiveLimit) return;
    const reached = new Set<string>();
    for (const answers of answerCombinations(quiz)) reached.add(quizOutcome(quiz, answers)!.band.id);
    expect(quiz.bands.map((band) => band.id).filter((id) => !reached.has(id))).toEqual([]);
  });
});
