import { z } from 'astro/zod';

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

/** Frontmatter shared by every page of the guide. */
const pageBase = {
  title: z.string().min(3).max(80),
  /** One line: the meta description, the home page summary and the share preview. */
  description: z.string().min(40).max(180),
};

export const stepFrontmatter = z.strictObject({
  ...pageBase,
  step: z.number().int().min(1).max(9),
  /** Short label for the step navigation. */
  navTitle: z.string().min(3).max(40),
  /** Quiz id in content/quizzes; defaults to the step's slug. */
  quiz: slugId.optional(),
});

export const pageFrontmatter = z.strictObject({
  ...pageBase,
  navTitle: z.string().min(3).max(40).optional(),
  /** Quiz id for pages that carry one (before-you-start → readiness). */
  quiz: slugId.optional(),
});

export const articleFrontmatter = z.strictObject({
  ...pageBase,
  /** Step slugs this article deepens; each of those steps links here. */
  steps: z.array(slugId).min(1),
  published: z.coerce.date(),
});

export type StepFrontmatter = z.output<typeof stepFrontmatter>;
export type PageFrontmatter = z.output<typeof pageFrontmatter>;
export type ArticleFrontmatter = z.output<typeof articleFrontmatter>;
