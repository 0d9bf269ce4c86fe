import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { withCacheKeys } from '../../queries/page-cache-keys';
import { quizDataFile } from '../../queries/quiz-data';

/** Each quiz's data file, under the name its page asks for (src/queries/quiz-data.ts). */
export const prerender = true;

export const getStaticPaths = (async () => {
  const files = await Promise.all((await getCollection('quizzes')).map((entry) => quizDataFile(entry.id)));
  return withCacheKeys(files.map((file) => ({ params: { file: file.name }, props: { json: file.json } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ json: string }> = ({ props }) => new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
