import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { achievableScores, answerEffects, possibleAnswers } from '../../src/lib/quiz-scoring';
import { quizSchema, type Quiz } from '../../src/lib/schemas/quiz';

const root = join(import.meta.dirname, '../..');
const quizDir = join(root, 'content/quizzes');
const stepSlugs = readdirSync(join(root, 'content/steps'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
const quizFiles = readdirSync(quizDir).filter((name) => name.endsWith('.yaml'));

/** Every shipped quiz, parsed with the same schema the build uses. */
const quizzes = quizFiles.map((file) => {
  const result = quizSchema.safeParse(parse(readFileSync(join(quizDir, file), 'utf8')));
  return { file, id: file.replace(/\.yaml$/, ''), result, quiz: result.data as Quiz };
});

/** Heading ids of an MDX page, slugged the way Astro does for plain ASCII headings. */
function headingIds(mdxFile: string): string[] {
  return [...readFileSync(mdxFile, 'utf8').matchAll(/^#{2,6}\s+(.+)$/gm)].map((match) =>
    match[1]!.toLowerCase().replace(/[^a-z0-9\s-]/g, '').trim().replace(/\s+/g, '-'),
  );
}

/** Site paths (with #anchors) a band may recommend. */
function knownTargets(): Set<string> {
  const targets = new Set(['/', '/progress/']);
  const add = (path: string, contentFile: string) => {
    targets.add(path);
    headingIds(contentFile).forEach((id) => targets.add(`${path}#${id}`));
  };
  for (const dir of ['steps', 'pages', 'articles']) {
    for (const name of readdirSync(join(root, 'content', dir)).filter((file) => /\.mdx?$/.test(file))) {
      const slug = name.replace(/^\d+-/, '').replace(/\.mdx?$/, '');
      add(dir === 'pages' ? `/${slug}/` : `/${dir}/${slug}/`, join(root, 'content', dir, name));
    }
  }
  return targets;
}

describe('shipped quizzes', () => {
  it('one per step, plus readiness and "if it doesn\'t work out"', () => {
    expect(stepSlugs).toHaveLength(9);
    expect(quizzes.map(({ id }) => id).sort()).toEqual([...stepSlugs, 'readiness', 'if-it-doesnt-work-out'].sort());
  });

  describe.each(quizzes)('$file', ({ result, quiz }) => {
    it('passes the quiz schema', () => {
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it('has 3–7 questions', () => {
      expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
      expect(quiz.questions.length).toBeLessThanOrEqual(7);
    });

    it('puts every achievable score in exactly one score band: no gaps, no overlaps', () => {
      const scoreBands = quiz.bands.filter((band) => !band.flag);
      for (const score of achievableScores(quiz)) {
        const matching = scoreBands.filter((band) => band.min! <= score && score <= band.max!).map((band) => band.id);
        expect(matching, `score ${score}`).toHaveLength(1);
      }
    });

    it('has a band for every flag an answer can raise', () => {
      const raised = new Set(
        quiz.questions.flatMap((question) => possibleAnswers(question).flatMap((answer) => (answerEffects(question, answer) ?? []).flatMap((effect) => effect.flags))),
      );
      const flagBands = new Set(quiz.bands.flatMap((band) => band.flag ?? []));
      expect([...raised].filter((flag) => !flagBands.has(flag))).toEqual([]);
    });

    it('explains every answer', () => {
      const unexplained = quiz.questions.flatMap((question) => {
        switch (question.kind) {
          case 'single':
          case 'multiple':
            return question.options.filter((option) => !option.explanation).map((option) => `${question.id}=${option.id}`);
          case 'yesno':
            return (['yes', 'no'] as const).filter((answer) => !question[answer].explanation).map((answer) => `${question.id}=${answer}`);
          case 'scale':
            return question.explanation ? [] : [question.id];
        }
      });
      expect(unexplained).toEqual([]);
    });

    it('uses unique band ids and recommends pages that exist', () => {
      expect(new Set(quiz.bands.map((band) => band.id)).size).toBe(quiz.bands.length);
      const targets = knownTargets();
      expect(quiz.bands.map((band) => band.next.href).filter((href) => !targets.has(href))).toEqual([]);
    });
  });

  it('the readiness check has a safety path that does not point back to the steps', () => {
    const readiness = quizzes.find(({ id }) => id === 'readiness')!.quiz;
    const safety = readiness.bands.find((band) => band.flag === 'safety');
    expect(safety).toBeDefined();
    expect(safety!.next.href).not.toMatch(/^\/steps\//);
  });
});

describe('the quiz schema rejects a broken quiz and names the field', () => {
  const valid = quizzes[0]!.quiz;
  const issuesOf = (input: unknown) => (quizSchema.safeParse(input).error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  it('an unknown question kind', () => {
    const input = { ...valid, questions: valid.questions.map((question, index) => (index === 1 ? { ...question, kind: 'slider' } : question)) };
    expect(issuesOf(input).join('\n')).toMatch(/^questions\.1\.kind/m);
  });

  it('a misspelt field', () => {
    expect(issuesOf({ ...valid, bandz: [] }).join('\n')).toMatch(/bandz/);
  });

  it('duplicate question ids and a band without a range or flag', () => {
    const input = {
      ...valid,
      questions: [valid.questions[0], valid.questions[0], valid.questions[1]],
      bands: [...valid.bands, { id: 'loose', title: 'Loose band', guidance: 'A band with no range.', next: { href: '/', label: 'Home' } }],
    };
    const issues = issuesOf(input).join('\n');
    expect(issues).toMatch(/^questions: question ids must be unique/m);
    expect(issues).toMatch(new RegExp(`^bands\\.${valid.bands.length}: a band needs min and max, a flag, or an answer that requires it`, 'm'));
  });

  it('a score no band covers, and a score two bands cover', () => {
    // Three yes/no questions worth 0 or 1: reachable scores 0…3.
    const yesNo = (id: string) => ({ id, kind: 'yesno', prompt: `Question ${id}?`, yes: { score: 1 }, no: { score: 0 } });
    const band = (id: string, min: number, max: number) => ({ id, min, max, title: `Band ${id}`, guidance: 'Some guidance here.', next: { href: '/', label: 'Home' } });
    const quiz = (bands: unknown[]) => ({ title: 'Fixture', intro: 'A fixture quiz.', questions: [yesNo('a'), yesNo('b'), yesNo('c')], bands });
    expect(issuesOf(quiz([band('low', 0, 1), band('high', 2, 3)]))).toEqual([]);
    expect(issuesOf(quiz([band('low', 0, 0), band('high', 2, 3)]))).toEqual(['bands: no band covers the reachable score 1']);
    expect(issuesOf(quiz([band('low', 0, 2), band('high', 2, 3)]))).toEqual(['bands: bands low, high all cover the reachable score 2']);
  });

  it('too few questions and an external link', () => {
    const input = { ...valid, questions: valid.questions.slice(0, 2), bands: valid.bands.map((band, index) => (index === 0 ? { ...band, next: { href: 'https://example.com/', label: 'Away' } } : band)) };
    const issues = issuesOf(input).join('\n');
    expect(issues).toMatch(/^questions: /m);
    expect(issues).toMatch(/^bands\.0\.next\.href: use a site path/m);
  });
});
