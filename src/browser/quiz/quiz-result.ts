/** A saved quiz result, as DOM: the band, what it means, what next, last time, and (where safe) sharing the result. */
import { formatMoment } from '../../lib/moments';
import type { CrisisHelp } from '../../lib/crisis-help';
import { quizResultPath } from '../../lib/guide';
import { isSafetyBand, type QuizOutcome } from '../../lib/quiz-scoring';
import type { StoredQuizResult } from '../../lib/reader-state';
import type { Quiz, QuizBand } from '../../lib/schemas/quiz';
import { h, type Child } from '../dom';

/** Puts a working share control for `url` into `slot` (the page's share markup, src/islands/share/). */
export type MountShare = (slot: HTMLElement, props: { url: string; title: string; label: string }) => void;

/**
 * "Share this result": the share controls for the band's public page, whose code loads when the reader asks.
 * The link carries the result, never the answers.
 */
function shareResult(url: string, loadShare: () => Promise<MountShare>): HTMLElement {
  const failure = h('span', { role: 'status' });
  const offer = h(
    'p',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'button button-quiet',
        onClick: () => {
          failure.remove();
          loadShare().then(
            (mountShare) => {
              const slot = h('div');
              // The share text names the page the quiz is on (its heading), never the reader's result or answers.
              const title = document.querySelector('main h1')?.textContent?.trim() ?? '';
              mountShare(slot, { url, title, label: 'Share this result (the link shows the result, never your answers)' });
              offer.replaceWith(slot);
            },
            () => {
              failure.textContent = ' The share options could not be loaded; you can copy the link of that page instead.';
              offer.append(failure);
            },
          );
        },
      },
      'Share this result',
    ),
    ' ',
    h('a', { href: url }, 'See the page you would share'),
  );
  return offer;
}

/** How to find help today, inside a crisis result. */
const crisisSection = (id: string, help: CrisisHelp) =>
  h('section', { class: 'quiz-safety quiz-crisis', 'aria-labelledby': id }, h('h4', { id }, help.heading), h('ul', {}, help.steps.map((text) => h('li', {}, text))));

export interface QuizResultProps {
  quizId: string;
  quiz: Quiz;
  stored: StoredQuizResult;
  band: QuizBand;
  /** The saved answers scored again (undefined when they no longer answer the quiz). */
  outcome: QuizOutcome | undefined;
  notes: Child;
  crisisHelp: CrisisHelp | undefined;
  onStartAgain: () => void;
  loadShare: () => Promise<MountShare>;
}

export function quizResult({ quizId, quiz, stored, band, outcome, notes, crisisHelp, onStartAgain, loadShare }: QuizResultProps): HTMLElement {
  const idPrefix = `quiz-${quizId}`;
  const previousBand = stored.previous && quiz.bands.find((candidate) => candidate.id === stored.previous?.band);
  return h(
    'section',
    { class: 'quiz-result card', 'aria-labelledby': `${idPrefix}-result` },
    h('p', { class: 'quiz-result-eyebrow' }, 'Your result'),
    h('h3', { id: `${idPrefix}-result`, tabindex: -1 }, band.title),
    outcome &&
      outcome.holdBacks.length > 0 && [
        h('p', { class: 'quiz-holdbacks-intro' }, 'From what you answered:'),
        h('ul', { class: 'quiz-holdbacks' }, outcome.holdBacks.map((text) => h('li', {}, text))),
      ],
    h('p', {}, band.guidance),
    band.flag === 'crisis' && crisisHelp && crisisSection(`${idPrefix}-crisis`, crisisHelp),
    notes,
    h('p', {}, h('strong', {}, 'What next:'), ' ', h('a', { href: band.next.href }, band.next.label)),
    stored.previous && previousBand && h('p', { class: 'quiz-last-time' }, `Last time (${formatMoment(stored.previous.at)}): ${previousBand.title}`),
    h('p', { class: 'muted' }, `Saved only on this device, ${formatMoment(stored.at)}.`),
    !isSafetyBand(band) && shareResult(quizResultPath(quizId, band.id), loadShare),
    h('button', { type: 'button', class: 'button button-quiet', onClick: onStartAgain }, 'Take it again'),
  );
}
