/**
 * The form open under one comment (reply, edit, delete, report), if any: loads the forms on first use, mounts the
 * open one into a slot element that the item keeps across updates, and holds the line the item says beside it.
 */
import type { PublicComment } from '../../lib/comments/api-types.ts';
import type { Thread } from '../../stores/comments.ts';
import { h } from '../dom.ts';
import { FORM_LOAD_FAILED, type FormLoader, type ItemForm } from './forms.ts';

export type Panel = 'none' | ItemForm;

export interface ItemContext {
  thread: Thread;
  forms: FormLoader;
}

export interface ItemPanel {
  /** The panel the reader asked for (its form may still be loading). */
  readonly open: Panel;
  /** Holds the mounted form; undefined while none is. */
  readonly slot: HTMLElement | undefined;
  /** The item's status line: the outcome of the last action, or why the form did not open. */
  readonly status: string;
  toggle(panel: Panel): void;
  /** Takes the form away without a word (its comment no longer shows one); `forGood` when the item is gone. */
  dispose(forGood?: boolean): void;
}

/** `changed` runs whenever what the item shows of its panel changed. */
export function itemPanel({ thread, forms }: ItemContext, comment: () => PublicComment, changed: () => void): ItemPanel {
  let open: Panel = 'none';
  let mounted: Panel = 'none';
  let slot: HTMLElement | undefined;
  let note = '';
  let loadFailed = false;
  let gone = false;

  const say = (text: string) => {
    note = text;
    changed();
  };
  const close = () => {
    open = 'none';
    show();
  };

  function show(): void {
    const loaded = forms.loaded;
    if (gone) return;
    if (open !== 'none' && !loaded) {
      loadFailed = false;
      forms.load().then(show, () => {
        loadFailed = true;
        if (!gone) changed();
      });
    } else if (loaded && mounted !== open) {
      if (slot) loaded.unmount(slot);
      mounted = open;
      slot = open === 'none' ? undefined : h('div');
      // In the page first, so the form can take focus as it opens.
      changed();
      if (slot && open !== 'none') loaded.mountItemForm(slot, open, { thread, comment: comment(), close, say });
      return;
    }
    changed();
  }

  return {
    get open() {
      return open;
    },
    get slot() {
      return slot;
    },
    get status() {
      return open !== 'none' && loadFailed ? FORM_LOAD_FAILED : note;
    },
    toggle(panel) {
      open = open === panel ? 'none' : panel;
      show();
    },
    dispose(forGood = false) {
      gone ||= forGood;
      open = mounted = 'none';
      if (slot) forms.loaded?.unmount(slot);
      slot = undefined;
    },
  };
}
