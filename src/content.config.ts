import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFrontmatter, pageFrontmatter, stepFrontmatter } from './lib/schemas/content';
import { quizSchema } from './lib/schemas/quiz';

/** `01-understand-why.mdx` → `understand-why`: the number orders files, the rest is the slug. */
const idFromFileName = ({ entry }: { entry: string }) =>
  entry.replace(/\.(mdx|md|ya?ml)$/, '').replace(/^\d+-/, '');

const steps = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/steps', generateId: idFromFileName }),
  schema: stepFrontmatter,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages', generateId: idFromFileName }),
  schema: pageFrontmatter,
});

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/articles', generateId: idFromFileName }),
  schema: articleFrontmatter,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes', generateId: idFromFileName }),
  schema: quizSchema,
});

export const collections = { steps, pages, articles, quizzes };
