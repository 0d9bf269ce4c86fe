import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFrontmatter, pageFrontmatter, stepFrontmatter } from './lib/schemas/content';
import { quizSchema } from './lib/schemas/quiz';

/** `01-understand-why.mdx` → `understand-why`: the number orders files, the rest is the slug. */
const idFromFileName = ({ entry }: { entry: string }) =>
  entry.replace(/\.(mdx|md|ya?ml)$/, '').replace(/^\d+-/, '');

/** Every file matching `pattern` in content/<folder>, each an entry named by its file. */
const filesIn = (folder: string, pattern: string) => glob({ pattern, base: `./content/${folder}`, generateId: idFromFileName });

const steps = defineCollection({ loader: filesIn('steps', '*.mdx'), schema: stepFrontmatter });
const pages = defineCollection({ loader: filesIn('pages', '*.mdx'), schema: pageFrontmatter });
const articles = defineCollection({ loader: filesIn('articles', '*.mdx'), schema: articleFrontmatter });
const quizzes = defineCollection({ loader: filesIn('quizzes', '*.yaml'), schema: quizSchema });

export const collections = { steps, pages, articles, quizzes };
