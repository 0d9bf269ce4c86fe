/** A saved quiz result: the band, what it means, what next, last time, and (where safe) sharing the result. */
import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';
import { formatMoment } from '../../lib/breakup-dates';
import type { CrisisHelp as CrisisHelpText } from '../../lib/crisis-help';
import { quizResultPath } from '../../lib/guide';
import { isSafetyBand, type QuizOutcome } from '../../lib/quiz-scoring';
import type { StoredQuizResult } from '../../lib/reader-state';
import type { Quiz, QuizBand } from '../../lib/schemas/quiz';

type ShareModule = typeof import('../share/Share');

/**
 * "Share this result": the share controls for the band's public page, whose code loads when the reader asks.
 * The link carries the result, never the answers.
 */
function ShareResult({ url }: { url: string }) {
  const [share, setShare] = useState<ShareModule>();
  const [failed, setFailed] = useState(false);
  if (share) {
    // The share text names the page the quiz is on (its heading), never the reader's result or answers.
    const pageTitle = document.querySelector('main h1')?.textContent?.trim() ?? '';
    return <share.LiveShare url={url} title={pageTitle} label="Share this result (the link shows the result, never your answers)" />;
  }
  return (
    <p>
      <button
        type="button"
        class="button button-quiet"
        onClick={() => {
          setFailed(false);
          import('../share/Share').then((loaded) => setShare(() => loaded), () => setFailed(true));
        }}
      >
        Share this result
      </button>{' '}
      <a href={url}>See the page you would share</a>
      {failed && <span role="status"> The share options could not be loaded; you can copy the link of that page instead.</span>}
    </p>
  );
}

/** How to find help today, inside a crisis result. */
function CrisisHelp({ id, help }: { id: string; help: CrisisHelpText }) {
  return (
    <section class="quiz-safety quiz-crisis" aria-labelledby={id}>
      <h4 id={id}>{help.heading}</h4>
      <ul>
        {help.steps.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

interface Props {
  quizId: string;
  quiz: Quiz;
  stored: StoredQuizResult;
  band: QuizBand;
  /** The saved answers scored again (undefined when they no longer answer the quiz). */
  outcome: QuizOutcome | undefined;
  headingRef: Ref<HTMLHeadingElement>;
  notes: ComponentChildren;
  crisisHelp: CrisisHelpText | undefined;
  onStartAgain: () => void;
}

export function QuizResult({ quizId, quiz, stored, band, outcome, headingRef, notes, crisisHelp, onStartAgain }: Props) {
  const idPrefix = `quiz-${quizId}`;
  const previousBand = stored.previous && quiz.bands.find((candidate) => candidate.id === stored.previous?.band);
  return (
    <section class="quiz-result card" aria-labelledby={`${idPrefix}-result`}>
      <p class="quiz-result-eyebrow">Your result</p>
      <h3 id={`${idPrefix}-result`} tabIndex={-1} ref={headingRef}>
        {band.title}
      </h3>
      {outcome && outcome.holdBacks.length > 0 && (
        <>
          <p class="quiz-holdbacks-intro">From what you answered:</p>
          <ul class="quiz-holdbacks">
            {outcome.holdBacks.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      <p>{band.guidance}</p>
      {band.flag === 'crisis' && crisisHelp && <CrisisHelp id={`${idPrefix}-crisis`} help={crisisHelp} />}
      {notes}
      <p>
        <strong>What next:</strong> <a href={band.next.href}>{band.next.label}</a>
      </p>
      {stored.previous && previousBand && (
        <p class="quiz-last-time">
          Last time ({formatMoment(stored.previous.at)}): {previousBand.title}
        </p>
      )}
      <p class="muted">Saved only on this device, {formatMoment(stored.at)}.</p>
      {!isSafetyBand(band) && <ShareResult url={quizResultPath(quizId, band.id)} />}
      <button type="button" class="button button-quiet" onClick={onStartAgain}>
        Take it again
      </button>
    </section>
  );
}
