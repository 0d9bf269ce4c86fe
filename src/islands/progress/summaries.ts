/** What the progress page passes its island about the guide: the steps and each quiz's result bands. */
import type { LinkTarget, StepSummary } from '../../lib/next-step';

export interface BandSummary {
  id: string;
  title: string;
  next: LinkTarget;
}

export interface QuizSummary {
  title: string;
  href: string;
  /** Title of the page the quiz sits on. */
  page: string;
  bands: BandSummary[];
}

export interface DashboardStep extends StepSummary {
  quizId: string;
}
