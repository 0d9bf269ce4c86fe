/**
 * One comment in the thread, its replies, and what the reader can do with it: reply, edit, delete, report. Each
 * item keeps its elements and updates them in place, so focus, and a form open under the comment, survive updates.
 */
import type { PublicComment } from '../../lib/comments/api-types.ts';
import { REPLIES_PAGE_SIZE } from '../../lib/comments/limits.ts';
import { canStillChange, type OwnCommentKeys } from '../../lib/comments/own-keys.ts';
import { commentBody, timeAgo } from './comment-body.ts';
import { h, setText, syncChildren } from '../dom.ts';
import { itemPanel, type ItemContext, type Panel } from './item-panel.ts';

/** What every item shows alike: the time now (relative times) and this browser's comment keys. */
export interface ItemView {
  now: number;
  keys: OwnCommentKeys;
}

interface Shown {
  readonly element: HTMLElement;
  update(comment: PublicComment, view: ItemView): void;
  /** Takes it away for good, with any form open in it. */
  destroy(): void;
}

/** A list of comments (the thread, or a comment's replies), one item per comment id. */
export function commentList(context: ItemContext, className: string) {
  const element = h('ol', { class: className });
  let items = new Map<string, Shown>();
  return {
    element,
    update(comments: readonly PublicComment[], view: ItemView): void {
      const next = new Map<string, Shown>();
      for (const comment of comments) {
        const item = items.get(comment.id) ?? commentItem(context);
        item.update(comment, view);
        next.set(comment.id, item);
      }
      for (const [id, item] of items) if (!next.has(id)) item.destroy();
      items = next;
      syncChildren(element, [...next.values()].map((item) => item.element));
    },
    destroy(): void {
      for (const item of items.values()) item.destroy();
      items.clear();
    },
  };
}

function commentItem(context: ItemContext): Shown {
  const li = h('li', { tabindex: '-1' });
  const article = h('article');
  const meta = h('header', { class: 'comment-meta' });
  const actions = h('div', { class: 'comment-actions' });
  const note = h('p', { role: 'status', class: 'comment-note' });
  const removedNote = h('p', { class: 'comments-note' }, 'This comment is not shown.');
  const buttons = new Map<Panel, HTMLButtonElement>();
  // "Show 12 more replies": the next page of a long thread; keyboard focus moves to the first reply it adds.
  const moreLabel = document.createTextNode('');
  const moreHidden = h('span', { class: 'visually-hidden' });
  const more = h('button', { type: 'button', class: 'button button-quiet comment-more-replies' }, moreLabel, moreHidden);
  let loadingReplies = false;
  let comment: PublicComment;
  let view: ItemView | undefined;
  let body: HTMLElement | undefined;
  let bodyText = '';
  let replies: ReturnType<typeof commentList> | undefined;
  const panel = itemPanel(context, () => comment, render);

  more.addEventListener('click', async () => {
    if (loadingReplies) return;
    loadingReplies = true;
    render();
    const [first] = await context.thread.loadReplies(comment.id);
    if (first) document.getElementById(`comment-${first}`)?.focus();
    loadingReplies = false;
    render();
  });

  /** An action's button, made once and kept (so it keeps focus), saying whether its panel is open. */
  function action(name: Panel, label: string, hidden: string): HTMLButtonElement {
    let button = buttons.get(name);
    if (!button) {
      button = h('button', { type: 'button', class: 'comment-action' }, label, h('span', { class: 'visually-hidden' }));
      button.addEventListener('click', () => panel.toggle(name));
      buttons.set(name, button);
    }
    button.setAttribute('aria-expanded', String(panel.open === name));
    setText(button.lastChild!, ` ${hidden}`);
    return button;
  }

  function renderArticle({ now, keys }: ItemView): void {
    const { id, name, status } = comment;
    article.setAttribute('aria-label', `Comment by ${name}`);
    meta.replaceChildren(
      // Isolated, so a name written right to left cannot reorder the text around it.
      h('bdi', { class: 'comment-author' }, name),
      timeAgo(comment.createdAt, now),
      ...(comment.editedAt ? [h('span', { class: 'comment-edited' }, '(edited)')] : []),
      ...(status === 'pending' ? [h('span', { class: 'comment-badge' }, 'Awaiting approval')] : []),
    );
    // Made again only when the text changes: a link in it may have focus.
    if (!body || bodyText !== comment.text) body = commentBody((bodyText = comment.text));
    // Edits within 15 minutes; erasing for as long as this browser holds the comment's key.
    syncChildren(actions, [
      ...(comment.parentId === null && status === 'published' ? [action('reply', 'Reply', `to ${name}`)] : []),
      ...(canStillChange(keys[id], now) ? [action('edit', 'Edit', 'your comment')] : []),
      ...(keys[id] ? [action('delete', 'Delete', 'your comment')] : []),
      ...(!comment.mine && status === 'published' ? [action('report', 'Report', `comment by ${name}`)] : []),
    ]);
    setText(note, panel.status);
    syncChildren(article, [meta, body, actions, note, ...(panel.slot ? [panel.slot] : [])]);
  }

  function render(): void {
    if (!view) return;
    const removed = comment.status === 'removed';
    li.id = `comment-${comment.id}`;
    li.className = `comment${removed ? ' comment-removed' : comment.status === 'pending' ? ' comment-pending' : ''}`;
    const shown: HTMLElement[] = [];
    if (removed) {
      panel.dispose();
      shown.push(removedNote);
    } else {
      renderArticle(view);
      shown.push(article);
    }
    if (comment.replies.length > 0 || comment.repliesCursor !== null) {
      replies ??= commentList(context, 'comment-replies');
      replies.update(comment.replies, view);
      shown.push(replies.element);
    } else {
      replies?.destroy();
      replies = undefined;
    }
    if (comment.repliesCursor !== null) {
      const next = Math.min(comment.moreReplies, REPLIES_PAGE_SIZE);
      more.disabled = loadingReplies;
      setText(moreLabel, loadingReplies ? 'Loading replies…' : `Show ${next} more ${next === 1 ? 'reply' : 'replies'}`);
      setText(moreHidden, ` to ${removed ? 'the removed comment' : comment.name}`);
      shown.push(more);
    }
    syncChildren(li, shown);
  }

  return {
    element: li,
    update(next, nextView) {
      if (next === comment && nextView === view) return;
      comment = next;
      view = nextView;
      render();
    },
    destroy() {
      panel.dispose(true);
      replies?.destroy();
    },
  };
}
