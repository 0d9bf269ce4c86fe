import { getCollection, type CollectionEntry } from 'astro:content';
import { quizPagePath, quizResultPath, pagePath, stepPath, articlePath } from '../lib/guide';
import type { QuizBand } from '../lib/schemas/quiz';
import { guidePreviewCard, previewImagePath, quizResultPreviewCard, type PreviewCard } from '../lib/share';
import { loadArticles, loadSteps } from './guide-data';
import { withCacheKeys } from './page-cache-keys';

/** The guide page a quiz sits on, as a shared result page names it. */
export interface QuizHost {
  title: string;
  path: string;
  step?: number;
}

/** One shareable result page: a quiz and one of its bands, never anyone's answers. */
export interface QuizResultPage {
  quizId: string;
  quiz: CollectionEntry<'quizzes'>['data'];
  band: QuizBand;
  /** 1-based position of the band in its quiz: the page title uses it, since the band's title must not show in tabs or history. */
  bandNumber: number;
  /** e.g. /steps/take-time/result/too-soon/ */
  path: string;
  host: QuizHost;
}

/** Every result page: one per band of every quiz, named after the page the quiz is on. */
export async function quizResultPages(): Promise<QuizResultPage[]> {
  const steps = await loadSteps();
  const pages = await getCollection('pages');
  const hosts = new Map<string, QuizHost>([
    ...steps.map((entry): [string, QuizHost] => [stepPath(entry.id), { title: entry.data.title, path: stepPath(entry.id), step: entry.data.step }]),
    ...pages.map((entry): [string, QuizHost] => [pagePath(entry.id), { title: entry.data.title, path: pagePath(entry.id) }]),
  ]);
  const quizzes = await getCollection('quizzes');
  return quizzes
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((quiz) => {
      const host = hosts.get(quizPagePath(quiz.id));
      if (!host) throw new Error(`Quiz "${quiz.id}" belongs on ${quizPagePath(quiz.id)}, but no step or page is there`);
      return quiz.data.bands.map((band, index) => ({ quizId: quiz.id, quiz: quiz.data, band, bandNumber: index + 1, path: quizResultPath(quiz.id, band.id), host }));
    });
}

/** getStaticPaths params for the result pages under one prefix (each route file serves one prefix). */
export async function quizResultRoutes(prefix: string, params: (path: string) => Record<string, string>) {
  return withCacheKeys(
    (await quizResultPages()).filter((result) => result.path.startsWith(prefix)).map((result) => ({ params: params(result.path), props: { result } })),
  );
}

/** The page that is shared when no page image fits (home, lists, search …). */
export const defaultPreviewCard: PreviewCard = { title: 'A calm guide for after a breakup' };

/** Every preview image the build renders, keyed by its path under /og/. */
export async function previewImages(): Promise<{ imagePath: string; card: PreviewCard }[]> {
  const steps = await loadSteps();
  const articles = await loadArticles();
  const pages = await getCollection('pages');
  const results = await quizResultPages();
  return [
    { imagePath: previewImagePath('/'), card: defaultPreviewCard },
    ...steps.map((entry) => ({
      imagePath: previewImagePath(stepPath(entry.id)),
      card: guidePreviewCard({ kind: 'step', title: entry.data.title, step: entry.data.step, stepCount: steps.length }),
    })),
    ...articles.map((entry) => ({ imagePath: previewImagePath(articlePath(entry.id)), card: guidePreviewCard({ kind: 'article', title: entry.data.title }) })),
    ...pages.map((entry) => ({ imagePath: previewImagePath(pagePath(entry.id)), card: guidePreviewCard({ kind: 'page', title: entry.data.title }) })),
    ...results.map((result) => ({ imagePath: previewImagePath(result.path), card: quizResultPreviewCard(result.host) })),
  ];
}
