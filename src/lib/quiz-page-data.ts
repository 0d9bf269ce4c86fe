/** What a quiz's script fetches: the quiz's data file (src/queries/quiz-data.ts). */
import type { CrisisHelp } from './crisis-help';
import type { Quiz } from './schemas/quiz';

export interface QuizPageData {
  quizId: string;
  quiz: Quiz;
  /** Only for a quiz with a crisis result. */
  crisisHelp?: CrisisHelp;
}
