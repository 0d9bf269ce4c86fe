/**
 * The comment thread under a step or article, as a page script over the shell src/components/CommentThread.astro
 * renders: started once the thread comes into view (wakeOnVisible, from src/components/SiteScript.astro), so no
 * script and no request until the reader scrolls here. State and API calls live in stores/comments.ts; this only
 * shows them. The forms are Preact components, loaded and mounted only when the reader opens one (forms.ts).
 */
import { createThread, ownKeys } from '../../stores/comments.ts';
import { commentList, type ItemView } from './comment-item.ts';
import { h, setText, syncChildren } from '../dom.ts';
import type { PreactParts } from '../wake-on-visible.ts';
import { FORM_LOAD_FAILED, formLoader } from './forms.ts';
import { keepLoading, noAnswer } from './reconnect.ts';

/** Shown while the browser is offline: the guide reads offline, comments do not, and nothing waits to be sent. */
export const OFFLINE_NOTE = "You're offline. Comments need a connection; nothing is kept to send later.";

/** Takes over the server-rendered shell in `root` (`data-page` names the page, as a thread path) and loads the thread. */
export function start(root: HTMLElement, { loadForms }: PreactParts): void {
  const thread = createThread(root.dataset['page'] ?? '');
  const forms = formLoader(loadForms);
  const list = commentList({ thread, forms }, 'comment-list');
  // The order switch: oldest or newest first; choosing reloads the thread in that order.
  const sortSelect = h('select', { id: 'comments-sort' }, h('option', { value: 'oldest' }, 'Oldest first'), h('option', { value: 'newest' }, 'Newest first'));
  const sort = h('div', { class: 'comments-sort' }, h('label', { for: 'comments-sort' }, 'Order'), sortSelect);
  let view: ItemView = { now: Date.now(), keys: ownKeys.get() };

  // The shell's own heading, feed link, write button and status line stay; the rest is made here.
  const heading = root.querySelector('h2')!;
  const feedNote = root.querySelector('.comments-note')!;
  const writeRow = root.querySelector('.comments-write')!;
  const writeButton = writeRow.querySelector('button')!;
  const status = root.querySelector('[role="status"]')!;
  const writeFailed = h('span', { class: 'comment-error' }, ` ${FORM_LOAD_FAILED}`);
  const offlineNote = h('p', { class: 'comments-offline' }, OFFLINE_NOTE);
  // "Comments load when you scroll here.", then how loading goes, or that there are none yet.
  const phaseNote = root.querySelectorAll('.comments-note')[1]!;
  const failedText = h('p');
  const retryButton = h('button', { type: 'button', class: 'button button-quiet' }, 'Try again');
  const failedNote = h('div', { class: 'comments-note comment-error' });
  const moreButton = h('button', { type: 'button', class: 'button button-quiet comments-more' });
  let writing = false;
  let writeLoadFailed = false;
  /** Holds the new-comment form once it is mounted, in the write button's place. */
  let formSlot: HTMLDivElement | null = null;

  function render(): void {
    const state = thread.state.get();
    const ready = state.phase === 'ready';
    const online = navigator.onLine;
    const unreachable = !online || noAnswer(state);
    setText(heading, ready && state.total > 0 ? `${state.total} ${state.total === 1 ? 'comment' : 'comments'}` : 'Comments');
    const shown: Node[] = [heading, feedNote];
    if (unreachable) shown.push(offlineNote);
    const opening = writing && !writeLoadFailed;
    writeButton.disabled = opening;
    setText(writeButton, opening ? 'Opening the form…' : 'Write a comment');
    syncChildren(writeRow, writeLoadFailed ? [writeButton, writeFailed] : [writeButton]);
    shown.push(formSlot ?? writeRow);
    const note =
      state.phase === 'idle' ? 'Comments load when you scroll here.' : state.phase === 'loading' ? 'Loading comments…' : ready && state.comments.length === 0 ? 'No comments yet.' : '';
    setText(phaseNote, note);
    if (note) shown.push(phaseNote);
    if (state.phase === 'failed' && online) {
      setText(failedText, `Comments could not be loaded. ${state.failure?.message ?? ''}`);
      syncChildren(failedNote, unreachable ? [retryButton] : [failedText, retryButton]);
      shown.push(failedNote);
    }
    if (ready && state.comments.length > 0) {
      sortSelect.value = state.sort;
      list.update(state.comments, view);
      shown.push(sort, list.element);
    } else {
      // As the list is rebuilt after a reload, so are its items: forms open in them close.
      list.destroy();
    }
    if (ready && state.nextCursor !== null) {
      moreButton.disabled = state.loadingMore;
      setText(moreButton, state.loadingMore ? 'Loading…' : 'Load more comments');
      shown.push(moreButton);
    }
    status.className = state.failure ? 'comment-error' : 'comments-notice';
    setText(status, ready ? (state.failure?.message ?? state.notice) : '');
    shown.push(status);
    syncChildren(root, shown);
  }

  function openNewForm(): void {
    writing = true;
    writeLoadFailed = false;
    render();
    forms.load().then(
      (loaded) => {
        if (formSlot) return;
        formSlot = h('div');
        render();
        loaded.mountNewComment(formSlot, thread);
      },
      () => {
        writeLoadFailed = true;
        render();
      },
    );
  }

  keepLoading(thread, render);
  writeButton.addEventListener('click', openNewForm);
  retryButton.addEventListener('click', () => void thread.load());
  sortSelect.addEventListener('change', () => void thread.load(sortSelect.value === 'newest' ? 'newest' : 'oldest'));
  moreButton.addEventListener('click', () => void thread.loadMore());
  thread.state.listen(render);
  ownKeys.listen((keys) => {
    view = { ...view, keys };
    render();
  });
  // Relative times ("3 minutes ago") stay true while the page is open.
  setInterval(() => {
    view = { ...view, now: Date.now() };
    render();
  }, 30_000);
  render();
  void thread.load();
}
