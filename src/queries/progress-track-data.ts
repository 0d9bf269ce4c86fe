/** What the progress track needs from the content, for the home and progress pages. */
import { getCollection } from 'astro:content';
import { loadSequence, loadSteps } from './guide-data';
import { quizPagePath, stepPath } from '../lib/guide';
import type { BandTitles, TrackStopSource } from '../lib/progress-track';

export async function loadTrack(): Promise<{ stops: TrackStopSource[]; bandTitles: BandTitles }> {
  const [sequence, steps, quizzes] = await Promise.all([loadSequence(), loadSteps(), getCollection('quizzes')]);
  const quizOnPage = new Map(quizzes.map((quiz) => [quizPagePath(quiz.id), quiz.id]));
  // A step's quiz may have another id than the step (its `quiz` field).
  for (const step of steps) if (step.data.quiz) quizOnPage.set(stepPath(step.id), step.data.quiz);
  const stops = sequence.map((link) => ({ href: link.href, label: link.navTitle, step: link.step, quizId: quizOnPage.get(link.href) }));
  const bandTitles = Object.fromEntries(quizzes.map((quiz) => [quiz.id, Object.fromEntries(quiz.data.bands.map((band) => [band.id, band.title]))]));
  return { stops, bandTitles };
}
