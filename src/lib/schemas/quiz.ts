import { z } from 'astro/zod';
import { achievableScores } from '../quiz-scoring';

/**
 * Flags an answer can raise; a band with the same flag wins over score bands. `safety`: the reader felt afraid,
 * controlled or hurt; `crisis`: thoughts of self-harm; `too-soon` and `not-ready`: this step is not for now.
 */
export const quizFlag = z.enum(['crisis', 'safety', 'too-soon', 'not-ready']);

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');
/** A site-internal link target such as /steps/take-time/ (always with a trailing slash). */
const internalHref = z.string().regex(/^\/(?:[a-z0-9-]+\/)*(?:#[a-z0-9-]+)?$/, 'use a site path like /steps/take-time/');

/** What an answer decides, whatever the score: see "Answers that decide" in the README. */
const answerRules = {
  flags: z.array(quizFlag).default([]),
  /** Result bands this answer rules out (e.g. "won't accept a no" → never a "ready" band). */
  blocks: z.array(slugId).default([]),
  /** The band this answer leads to, whatever the score (when several do, the first in band order wins). */
  requires: slugId.optional(),
  /** Shown in the result when this answer is chosen: what it says ("You said …") and what to do about it. */
  holdBack: z.string().min(10).optional(),
};

const answerEffect = {
  score: z.number().int().min(-10).max(10).default(0),
  ...answerRules,
  /** Shown after the reader answers: why this answer matters. */
  explanation: z.string().min(1).optional(),
  /** Readiness check only: what this answer says about whether the relationship was safe (saved as `relationshipSafe`). */
  relationshipSafe: z.enum(['yes', 'no', 'unsure']).optional(),
};

export const quizOption = z.strictObject({ id: slugId, label: z.string().min(1), ...answerEffect });

/** Rules for the low end of an agreement scale: every point from 1 ("strongly disagree") up to `upTo`. */
const scaleLow = z.strictObject({ upTo: z.number().int().min(1).max(4).default(2), ...answerRules });

const questionBase = { id: slugId, prompt: z.string().min(3), hint: z.string().min(1).optional() };

export const quizQuestion = z.discriminatedUnion('kind', [
  z.strictObject({ ...questionBase, kind: z.literal('single'), options: z.array(quizOption).min(2).max(8) }),
  z.strictObject({ ...questionBase, kind: z.literal('multiple'), options: z.array(quizOption).min(2).max(10) }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('yesno'),
    yes: z.strictObject(answerEffect),
    no: z.strictObject(answerEffect),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('scale'),
    /** Score for each point of the 1–5 agreement scale, from "strongly disagree" to "strongly agree". */
    scores: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]).default([0, 1, 2, 3, 4]),
    explanation: z.string().min(1).optional(),
    low: scaleLow.optional(),
  }),
]);

export const quizBand = z.strictObject({
  id: slugId,
  /** Inclusive score range; ignored when `flag` is set. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** A band chosen whenever an answer raised this flag (checked before score bands, in order). */
  flag: quizFlag.optional(),
  title: z.string().min(3),
  guidance: z.string().min(10),
  next: z.strictObject({ href: internalHref, label: z.string().min(2) }),
  /**
   * What the title and guidance say about the reader's answers: for each question the band speaks to, the answers
   * it is compatible with (option ids, yes/no, or scale points 1–5; for a multiple-choice question, every chosen
   * option must be listed). The quiz tests check every answer combination that reaches the band against this.
   */
  claims: z.record(slugId, z.array(z.union([slugId, z.number().int().min(1).max(5)])).min(1)).default({}),
});

export const quizSchema = z
  .strictObject({
    title: z.string().min(3),
    intro: z.string().min(10),
    questions: z.array(quizQuestion).min(3).max(7),
    bands: z.array(quizBand).min(2),
  })
  .superRefine((quiz, ctx) => {
    const questionIds = quiz.questions.map((question) => question.id);
    if (new Set(questionIds).size !== questionIds.length) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
    }
    const required = new Set(quiz.questions.flatMap((question) => questionRules(question).flatMap((rules) => rules.requires ?? [])));
    quiz.bands.forEach((band, index) => {
      const scored = band.min !== undefined && band.max !== undefined;
      if (!band.flag && !scored && !required.has(band.id)) {
        ctx.addIssue({ code: 'custom', path: ['bands', index], message: 'a band needs min and max, a flag, or an answer that requires it' });
      }
      if (scored && band.min! > band.max!) {
        ctx.addIssue({ code: 'custom', path: ['bands', index, 'min'], message: 'min is greater than max' });
      }
    });
    checkReferences(quiz, ctx);
    // Every score a reader can reach must land in exactly one score band (flag bands aside).
    const scoreBands = quiz.bands.filter((band) => !band.flag && band.min !== undefined && band.max !== undefined);
    for (const score of achievableScores(quiz)) {
      const matching = scoreBands.filter((band) => band.min! <= score && score <= band.max!).map((band) => band.id);
      if (matching.length !== 1) {
        const problem = matching.length === 0 ? 'no band covers' : `bands ${matching.join(', ')} all cover`;
        ctx.addIssue({ code: 'custom', path: ['bands'], message: `${problem} the reachable score ${score}` });
      }
    }
  });

type Rules = { flags: readonly string[]; blocks: readonly string[]; requires?: string | undefined; holdBack?: string | undefined };
type Ctx = z.core.$RefinementCtx<unknown>;

/** Band ids in `blocks` and `requires` exist, and an answer that decides the result says so in the result. */
function checkRules(rules: Rules, path: (string | number)[], bandIds: Set<string>, ctx: Ctx): void {
  rules.blocks.forEach((bandId, index) => {
    if (!bandIds.has(bandId)) ctx.addIssue({ code: 'custom', path: [...path, 'blocks', index], message: `no band "${bandId}" in this quiz` });
  });
  if (rules.requires !== undefined && !bandIds.has(rules.requires)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'requires'], message: `no band "${rules.requires}" in this quiz` });
  }
  const decides = rules.flags.length > 0 || rules.blocks.length > 0 || rules.requires !== undefined;
  if (decides && !rules.holdBack) {
    ctx.addIssue({ code: 'custom', path: [...path, 'holdBack'], message: 'an answer that raises a flag, blocks or requires a band needs a holdBack text for the result' });
  }
}

/** Every answer id a question accepts, as band claims name them. */
function answerIds(question: QuizQuestion): (string | number)[] {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.id);
    case 'yesno':
      return ['yes', 'no'];
    case 'scale':
      return [1, 2, 3, 4, 5];
  }
}

/** Every set of rules a question carries, with its path inside the question. */
function questionRules(question: QuizQuestion): (Rules & { at: (string | number)[] })[] {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.options.map((option, index) => ({ ...option, at: ['options', index] }));
    case 'yesno':
      return [{ ...question.yes, at: ['yes'] }, { ...question.no, at: ['no'] }];
    case 'scale':
      return question.low ? [{ ...question.low, at: ['low'] }] : [];
  }
}

function checkReferences(quiz: Quiz, ctx: Ctx): void {
  const bandIds = new Set(quiz.bands.map((band) => band.id));
  quiz.questions.forEach((question, index) => {
    for (const rules of questionRules(question)) checkRules(rules, ['questions', index, ...rules.at], bandIds, ctx);
  });
  quiz.bands.forEach((band, index) => {
    for (const [questionId, compatible] of Object.entries(band.claims)) {
      const question = quiz.questions.find((candidate) => candidate.id === questionId);
      const path = ['bands', index, 'claims', questionId];
      if (!question) {
        ctx.addIssue({ code: 'custom', path, message: `no question "${questionId}" in this quiz` });
        continue;
      }
      const accepted = answerIds(question);
      compatible.forEach((answer, answerIndex) => {
        if (!accepted.includes(answer)) ctx.addIssue({ code: 'custom', path: [...path, answerIndex], message: `"${answer}" is not an answer to ${questionId} (${accepted.join(', ')})` });
      });
    }
  });
}

export type QuizInput = z.input<typeof quizSchema>;
export type Quiz = z.output<typeof quizSchema>;
export type QuizQuestion = z.output<typeof quizQuestion>;
export type QuizOption = z.output<typeof quizOption>;
export type QuizBand = z.output<typeof quizBand>;
export type QuizFlag = z.output<typeof quizFlag>;
