import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFrontmatter, pageFrontmatter, stepFrontmatter } from './lib/schemas/content';
import { quizSchema } from './lib/schemas/quiz';

/** `01-understand-why.mdx` → `understand-why`: the number orders files, the rest is the slug (`no-contact.md` → `no-contact`). */
const idFromFileName = ({ entry }: { entry: string }) =>
  entry.replace(/\.(mdx|md|ya?ml)$/, '').replace(/^\d+-/, '');

/** Every file matching `pattern` in content/<folder>, each an entry named by its file. */
const filesIn = (folder: string, pattern: string, options: { retainBody?: boolean } = {}) =>
  glob({ pattern, base: `./content/${folder}`, generateId: idFromFileName, ...options });

const steps = defineCollection({ loader: filesIn('steps', '*.mdx'), schema: stepFrontmatter });
const pages = defineCollection({ loader: filesIn('pages', '*.mdx'), schema: pageFrontmatter });
// Articles are Markdown: the content layer renders them once and keeps the HTML in its cache, where every MDX file is a
// module each build compiles and bundles (at 1,000 articles, a cold build 40 s → 33 s and a rebuild 17 s → 14 s).
// An article that needs a component can still be .mdx. Their Markdown source is not kept in the content store beside
// the HTML: every build loads that store to render its pages, which show only the HTML, and reading time is counted on it
// (src/queries/guide-data.ts). At 1,000 articles the store went from 13.1 to 8.5 MB, a cold build from 32-34 s to 28-29.
const articles = defineCollection({ loader: filesIn('articles', '*.{md,mdx}', { retainBody: false }), schema: articleFrontmatter });
const quizzes = defineCollection({ loader: filesIn('quizzes', '*.yaml'), schema: quizSchema });

export const collections = { steps, pages, articles, quizzes };
