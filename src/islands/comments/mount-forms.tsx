/**
 * The comment forms as plain functions for the thread's page script (src/browser/comments/, which describes them in
 * forms.ts and loads this module when the reader first opens a form): each form is mounted with Preact into a slot
 * element of the thread, and taken out of it again, so Preact itself loads only then. What a form does once sent is
 * here too, with the forms: the reading code never needs it.
 */
import { render, type ComponentProps } from 'preact';
import type { CommentForms } from '../../browser/comments/forms.ts';
import type { PublicComment } from '../../lib/comments/api-types.ts';
import type { ApiResult } from '../../stores/api.ts';
import { CommentForm, ConfirmDelete, ReportForm } from './comment-panels.tsx';
import { reported, submitted } from './outcomes.ts';

type FormProps = Omit<ComponentProps<typeof CommentForm>, 'idBase' | 'onSubmit'>;
type Values = Parameters<ComponentProps<typeof CommentForm>['onSubmit']>[0];

let mounted = 0;
/** Ids unique on the page: useId starts again in every tree. */
const nextIdBase = () => `comment-form-${(mounted += 1)}`;

/** A comment form that sends with `send`, and once sent (before the form says so) calls `onSent` with the confirmation. */
function mountCommentForm(slot: HTMLElement, props: FormProps, send: (values: Values) => Promise<ApiResult<{ comment: PublicComment }>>, onSent?: (success: string) => void): void {
  const onSubmit = async (values: Values) => {
    const outcome = submitted(await send(values), props.mode === 'edit' ? 'saved' : 'posted');
    if (outcome.result.ok) onSent?.(outcome.success);
    return outcome;
  };
  render(<CommentForm {...props} idBase={nextIdBase()} onSubmit={onSubmit} />, slot);
}

export const mountNewComment: CommentForms['mountNewComment'] = (slot, thread) =>
  mountCommentForm(slot, { mode: 'new' }, (values) => thread.post({ ...values, parentId: null }));

export const mountItemForm: CommentForms['mountItemForm'] = (slot, form, { thread, comment, close, say }) => {
  const { id } = comment;
  /** A reply, an edit or a report went through (or a report did not): close its form and say so beside the comment. */
  const done = (note: string) => {
    close();
    say(note);
  };
  if (form === 'reply') {
    mountCommentForm(slot, { mode: 'reply', replyingTo: comment.name, onCancel: close }, (values) => thread.post({ ...values, parentId: id }), done);
  } else if (form === 'edit') {
    mountCommentForm(slot, { mode: 'edit', initialText: comment.text, onCancel: close }, ({ text }) => thread.edit(id, text), done);
  } else if (form === 'delete') {
    const onConfirm = async () => {
      const result = await thread.remove(id);
      if (!result.ok) say(result.failure.message);
    };
    render(<ConfirmDelete onConfirm={onConfirm} onCancel={close} />, slot);
  } else {
    render(<ReportForm idBase={nextIdBase()} onSubmit={async (reason) => done(reported(await thread.report(id, reason)))} onCancel={close} />, slot);
  }
};

export const unmount: CommentForms['unmount'] = (slot) => render(null, slot);
