/**
 * Loading a quiz's data file (src/queries/quiz-data.ts) for its script, and saying so in the quiz when it cannot be
 * had. Shared by the step quizzes (quiz-form.ts) and the readiness check (readiness-check.ts).
 */
import type { QuizPageData } from '../../lib/quiz-page-data';
import { h } from '../dom';

/**
 * The quiz's data, from the response started as the script loaded (`data-wake-data`, see wake-on-visible.ts). Until
 * it can be had (offline before the file was ever saved, a Wi-Fi sign-in page in its place), the result area says so
 * and offers to try again; the answers stay as ticked, and the form cannot be sent without it.
 */
export async function loadQuizData(root: HTMLElement, response?: Promise<Response>): Promise<QuizPageData> {
  const load = () => fetch(root.dataset['wakeData']!);
  const quizId = root.closest<HTMLElement>('[data-quiz-block]')!.dataset['quizBlock'];
  for (response ??= load(); ; ) {
    try {
      const data = (await (await response).json()) as QuizPageData;
      if (data.quizId === quizId && data.quiz.questions) return data;
    } catch {
      // No connection, not JSON, or not this quiz's data: said below.
    }
    // Above the result's placeholder; it goes when the quiz starts or says it again, so focus goes back to the
    // questions.
    response = await new Promise<Promise<Response>>((resolve) => {
      const retry = () => {
        root.querySelector('input')?.focus();
        resolve(load());
      };
      root.querySelector('.quiz-result-area [role="alert"]')?.remove();
      root.querySelector('.quiz-result-area')!.prepend(
        h(
          'div',
          { class: 'quiz-error-summary', role: 'alert' },
          h('p', {}, "This check-in couldn't load. Check your connection, then try again."),
          h('button', { type: 'button', class: 'button', onClick: retry }, 'Try again'),
        ),
      );
    });
  }
}
