/**
 * The comment forms (new comment, reply, edit, delete, report) are Preact components the thread mounts on first use:
 * most readers only read, so the page never downloads them, nor Preact, for those readers. The page hands the
 * thread a loader for them (src/components/SiteScript.astro), since scripts in this folder never import islands.
 */
import type { PublicComment } from '../../lib/comments/api-types.ts';
import type { Thread } from '../../stores/comments.ts';

/** The forms under a comment. */
export type ItemForm = 'reply' | 'edit' | 'delete' | 'report';

/** What a form under a comment works on, and how it closes and speaks beside the comment. */
export interface ItemFormContext {
  thread: Thread;
  comment: PublicComment;
  close(): void;
  /** Says `note` in the comment's status line. */
  say(note: string): void;
}

/** The forms module: each form is mounted into a slot element of the thread, and unmounted from it. */
export interface CommentForms {
  /** The new-comment form, which stays open after each post. */
  mountNewComment(slot: HTMLElement, thread: Thread): void;
  mountItemForm(slot: HTMLElement, form: ItemForm, context: ItemFormContext): void;
  unmount(slot: HTMLElement): void;
}

export const FORM_LOAD_FAILED = 'The form could not be loaded. Check your connection and try again.';

export interface FormLoader {
  /** The forms, once loaded. */
  readonly loaded?: CommentForms;
  /** Loads the forms (one load per page, shared by every form that asks); rejects when the download fails. */
  load(): Promise<CommentForms>;
}

export function formLoader(load: () => Promise<CommentForms>): FormLoader {
  let loading: Promise<CommentForms> | undefined;
  const loader: { loaded?: CommentForms; load(): Promise<CommentForms> } = {
    load: () =>
      (loading ??= load().then(
        (forms) => (loader.loaded = forms),
        (error: unknown) => {
          // Let the next attempt try the network again.
          loading = undefined;
          throw error;
        },
      )),
  };
  return loader;
}
