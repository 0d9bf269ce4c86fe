/** What a page gives its quiz script (src/components/QuizBlock.astro writes it as a JSON data block). */
import type { CrisisHelp } from './crisis-help';
import type { Quiz } from './schemas/quiz';

export interface QuizPageData {
  quizId: string;
  quiz: Quiz;
  /** Only for a quiz with a crisis result. */
  crisisHelp?: CrisisHelp;
}
