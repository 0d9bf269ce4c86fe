/** A step's self-assessment: any quiz from content/quizzes, passed in as data by the page. */
import type { CrisisHelp } from '../lib/crisis-help';
import type { Quiz as QuizData } from '../lib/schemas/quiz';
import { saveQuizResult } from '../stores/progress';
import { QuizView } from './quiz/QuizView';

interface Props {
  quizId: string;
  quiz: QuizData;
  /** Only for a quiz with a crisis result. */
  crisisHelp?: CrisisHelp | undefined;
}

export default function Quiz({ quizId, quiz, crisisHelp }: Props) {
  return <QuizView quizId={quizId} quiz={quiz} crisisHelp={crisisHelp} onSave={(outcome) => saveQuizResult(quizId, { ...outcome, band: outcome.band.id })} />;
}
