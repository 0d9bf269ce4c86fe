/** The form for a new comment, a reply or an edit: labelled fields, a live character count, errors tied to fields. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { nameProblem, textProblem } from '../../lib/comments/validation.ts';
import type { ApiResult } from '../../stores/api.ts';
import { BotTrap, CORRECT_FIELDS, CharacterCount, SendRow, describedBy, type FormStatusValue } from './form-parts.tsx';

export interface CommentFormValues {
  name: string;
  text: string;
  honeypot: string;
}

interface Props {
  mode: 'new' | 'reply' | 'edit';
  /** Text to start from (edits). */
  initialText?: string;
  /** Whom a reply answers, for the label. */
  replyingTo?: string;
  /** Sends the values; returns the outcome so the form can show field errors or the result. */
  onSubmit: (values: CommentFormValues) => Promise<{ result: ApiResult<unknown>; success: string }>;
  onCancel?: () => void;
  /**
   * What the ids of its fields start with. Each form the thread opens is a Preact tree of its own, where useId would
   * give every form the same ids.
   */
  idBase: string;
}

const SUBMIT_LABEL = { new: 'Post comment', reply: 'Post reply', edit: 'Save changes' } as const;

export default function CommentForm({ mode, initialText = '', replyingTo, onSubmit, onCancel, idBase: id }: Props) {
  const [name, setName] = useState('');
  const [text, setText] = useState(initialText);
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<{ name?: string; text?: string }>({});
  const [status, setStatus] = useState<FormStatusValue | null>(null);
  const [sending, setSending] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  // Every form opens on request ("Write a comment", Reply, Edit): put the reader straight into the text.
  useEffect(() => {
    textRef.current?.focus();
  }, []);

  const ids = { name: `${id}-name`, nameError: `${id}-name-error`, text: `${id}-text`, textError: `${id}-text-error`, count: `${id}-count` };

  async function submit(event: Event) {
    event.preventDefault();
    if (sending) return;
    const found: { name?: string; text?: string } = {};
    const nameIssue = mode === 'edit' ? null : nameProblem(name);
    if (nameIssue !== null) found.name = nameIssue;
    const textIssue = textProblem(text);
    if (textIssue !== null) found.text = textIssue;
    setErrors(found);
    if (found.name !== undefined || found.text !== undefined) {
      setStatus({ kind: 'error', message: CORRECT_FIELDS });
      (found.name !== undefined ? nameRef.current : textRef.current)?.focus();
      return;
    }
    setSending(true);
    setStatus(null);
    const { result, success } = await onSubmit({ name, text, honeypot });
    setSending(false);
    if (result.ok) {
      setErrors({});
      setStatus({ kind: 'ok', message: success });
      if (mode === 'new') setText('');
      return;
    }
    const { field, message } = result.failure;
    if (field === 'text' || field === 'name') {
      setErrors({ [field]: message });
      setStatus({ kind: 'error', message: CORRECT_FIELDS });
      (field === 'name' ? nameRef.current : textRef.current)?.focus();
    } else {
      setStatus({ kind: 'error', message });
    }
  }

  const textLabel = mode === 'edit' ? 'Edit your comment' : mode === 'reply' ? `Your reply${replyingTo ? ` to ${replyingTo}` : ''}` : 'Your comment';

  return (
    <form class={`comment-form comment-form-${mode}`} noValidate onSubmit={submit}>
      {mode !== 'edit' && (
        <div class="comment-field">
          <label for={ids.name}>Name <span class="comment-optional">(optional)</span></label>
          <input
            id={ids.name}
            ref={nameRef}
            type="text"
            autoComplete="nickname"
            maxLength={200}
            value={name}
            placeholder="Anonymous"
            aria-invalid={errors.name ? 'true' : undefined}
            aria-describedby={describedBy(!!errors.name && ids.nameError)}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          {errors.name && <p id={ids.nameError} class="comment-error">{errors.name}</p>}
        </div>
      )}
      <div class="comment-field">
        <label for={ids.text}>{textLabel}</label>
        <textarea
          id={ids.text}
          ref={textRef}
          rows={mode === 'new' ? 5 : 4}
          value={text}
          aria-invalid={errors.text ? 'true' : undefined}
          aria-describedby={describedBy(!!errors.text && ids.textError, ids.count)}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <CharacterCount id={ids.count} text={text} />
        {errors.text && <p id={ids.textError} class="comment-error">{errors.text}</p>}
      </div>
      {mode !== 'edit' && <BotTrap id={id} value={honeypot} onChange={setHoneypot} />}
      <SendRow label={SUBMIT_LABEL[mode]} sending={sending} status={status} onCancel={onCancel} />
    </form>
  );
}
