/**
 * Fills in the progress track (src/components/ProgressTrack.astro) from what this browser saved: each stop's state
 * and words, and the time-apart line. Follows changes from this page's islands and from other tabs.
 */
import { localIsoDate } from '../lib/breakup-dates';
import { monthTimeline, trackStops, type BandTitles, type TrackStopSource } from '../lib/progress-track';
import { decodeReadPages, readPagesStorageKey, type ReadPages } from '../lib/read-pages';
import { readerState } from '../stores/progress';

function storedReadPages(): ReadPages {
  try {
    return decodeReadPages(localStorage.getItem(readPagesStorageKey));
  } catch {
    return {};
  }
}

function bandTitlesOf(track: HTMLElement): BandTitles {
  try {
    return JSON.parse(track.dataset.bands ?? '{}') as BandTitles;
  } catch {
    return {};
  }
}

function draw(track: HTMLElement): void {
  const items = [...track.querySelectorAll<HTMLElement>('[data-track-stop]')];
  const sources: TrackStopSource[] = items.map((item) => ({ href: item.dataset.trackStop ?? '', label: '', quizId: item.dataset.quiz }));
  const stops = trackStops(sources, readerState.get(), storedReadPages(), bandTitlesOf(track));
  stops.forEach((stop, index) => {
    const item = items[index]!;
    item.dataset.state = stop.state;
    const status = item.querySelector('[data-track-status]');
    if (status) status.textContent = stop.status;
  });

  const timeline = monthTimeline(readerState.get().breakupDate, localIsoDate(new Date()));
  const line = track.querySelector<HTMLElement>('[data-track-time-line]');
  const text = track.querySelector('[data-track-time-text]');
  if (!line || !text) return;
  line.hidden = !timeline;
  if (!timeline) return;
  // SVG geometry attributes, not inline styles: the site's CSP allows no style attributes.
  line.querySelector('[data-track-elapsed]')?.setAttribute('width', (timeline.elapsed * 100).toFixed(2));
  line.querySelector('[data-track-mark]')?.setAttribute('x', (timeline.mark * 100 - 0.4).toFixed(2));
  text.textContent = timeline.summary;
}

let drawPending = false;
/**
 * Draws once the current task is done: "Delete everything" clears the state and then the other keys in one go, and
 * the track must see both.
 */
function drawSoon(): void {
  if (drawPending) return;
  drawPending = true;
  queueMicrotask(() => {
    drawPending = false;
    document.querySelectorAll<HTMLElement>('[data-progress-track]').forEach(draw);
  });
}
readerState.subscribe(drawSoon);
// Another tab opened a step, or deleted everything.
addEventListener('storage', (event) => {
  if (event.key === readPagesStorageKey || event.key === null) drawSoon();
});
