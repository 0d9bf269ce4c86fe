/** A step's self-assessment: any quiz from content/quizzes, passed in as data by the page. */
import type { Quiz as QuizData } from '../lib/schemas/quiz';
import { saveQuizResult } from '../stores/progress';
import { QuizView } from './quiz-view';
import { useReaderState } from './reader-hooks';

interface Props {
  quizId: string;
  quiz: QuizData;
}

export default function Quiz({ quizId, quiz }: Props) {
  const state = useReaderState();
  return (
    <QuizView
      quizId={quizId}
      quiz={quiz}
      stored={state.quizzes[quizId]}
      onSave={(outcome) => saveQuizResult(quizId, { ...outcome, band: outcome.band.id })}
    />
  );
}
