import { z } from 'astro/zod';
import { achievableScores } from '../quiz-scoring';

/** Flags an answer can raise; a band with the same flag wins over score bands. */
export const quizFlag = z.enum(['safety', 'too-soon', 'not-ready']);

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');
/** A site-internal link target such as /steps/take-time/ (always with a trailing slash). */
const internalHref = z.string().regex(/^\/(?:[a-z0-9-]+\/)*(?:#[a-z0-9-]+)?$/, 'use a site path like /steps/take-time/');

const answerEffect = {
  score: z.number().int().min(-10).max(10).default(0),
  flags: z.array(quizFlag).default([]),
  /** Shown after the reader answers: why this answer matters. */
  explanation: z.string().min(1).optional(),
  /** Readiness check only: what this answer says about whether the relationship was safe (saved as `relationshipSafe`). */
  relationshipSafe: z.enum(['yes', 'no', 'unsure']).optional(),
};

export const quizOption = z.strictObject({ id: slugId, label: z.string().min(1), ...answerEffect });

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
    quiz.bands.forEach((band, index) => {
      const scored = band.min !== undefined && band.max !== undefined;
      if (!band.flag && !scored) {
        ctx.addIssue({ code: 'custom', path: ['bands', index], message: 'a band needs min and max, or a flag' });
      }
      if (scored && band.min! > band.max!) {
        ctx.addIssue({ code: 'custom', path: ['bands', index, 'min'], message: 'min is greater than max' });
      }
    });
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

export type QuizInput = z.input<typeof quizSchema>;
export type Quiz = z.output<typeof quizSchema>;
export type QuizQuestion = z.output<typeof quizQuestion>;
export type QuizOption = z.output<typeof quizOption>;
export type QuizBand = z.output<typeof quizBand>;
export type QuizFlag = z.output<typeof quizFlag>;
