import { createHash } from 'node:crypto';
import { getEntry } from 'astro:content';
import { crisisHelp } from '../lib/crisis-help';
import { quizForBrowser } from '../lib/quiz-consistency';
import type { QuizPageData } from '../lib/quiz-page-data';

/**
 * What a quiz's script needs (question effects, explanations, results), as the file it fetches when the quiz comes
 * into view: `/quizzes/<id>.<hash>.json`, written by src/pages/quizzes/[file].json.ts. Kept out of the page, the
 * data costs nothing to a reader who never scrolls to the quiz, and is downloaded once for every visit after; the
 * hash of its content in the name lets browsers and the offline copy keep it for good.
 */
export interface QuizDataFile {
  /** The file's name without `.json`: `<id>.<hash>`. */
  name: string;
  /** The site path the page's quiz fetches. */
  path: string;
  /** The quiz as the file gives it (what the page renders of it is the same). */
  data: QuizPageData;
  json: string;
}

export async function quizDataFile(id: string): Promise<QuizDataFile> {
  const entry = await getEntry('quizzes', id);
  if (!entry) throw new Error(`No quiz "${id}" in content/quizzes`);
  // What the script needs, without what only the consistency check reads.
  const quiz = quizForBrowser(entry.data);
  const data: QuizPageData = { quizId: id, quiz, ...(quiz.bands.some((band) => band.flag === 'crisis') && { crisisHelp }) };
  const json = JSON.stringify(data);
  const name = `${id}.${createHash('sha256').update(json).digest('base64url').slice(0, 10)}`;
  return { name, path: `/quizzes/${name}.json`, data, json };
}
