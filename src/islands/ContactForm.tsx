/**
 * The private contact form: a message for the site owner, with an optional name and reply address. Checked here
 * with the server's own rules, sent as JSON to /api/contact; errors are tied to their fields and announced.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { nameProblem, textProblem } from '../lib/comments/validation.ts';
import type { MessageSentResponse } from '../lib/contact/api-types.ts';
import { MESSAGE_KEEP_DAYS } from '../lib/contact/limits.ts';
import { replyToProblem } from '../lib/contact/validation.ts';
import { callApi } from '../stores/api.ts';
import { BotTrap, CORRECT_FIELDS, CharacterCount, SendRow, describedBy, type FormStatusValue } from './comments/form-parts.tsx';
import './comments/comments.css';
import './contact/contact.css';

type Field = 'text' | 'name' | 'replyTo';
type FieldErrors = Partial<Record<Field, string>>;

/** What the reader typed, checked field by field in the order the form shows them. */
function problemsOf(values: Record<Field, string>): FieldErrors {
  const found: FieldErrors = {};
  const text = textProblem(values.text);
  if (text !== null) found.text = text;
  const name = nameProblem(values.name);
  if (name !== null) found.name = name;
  const replyTo = replyToProblem(values.replyTo);
  if (replyTo !== null) found.replyTo = replyTo;
  return found;
}

export default function ContactForm() {
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ text: '', name: '', replyTo: '' });
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<FormStatusValue | null>(null);
  const [sending, setSending] = useState(false);
  // False in the server-rendered HTML: the form cannot be sent until the island runs.
  const [ready, setReady] = useState(false);
  const fields = { text: useRef<HTMLTextAreaElement>(null), name: useRef<HTMLInputElement>(null), replyTo: useRef<HTMLInputElement>(null) };

  useEffect(() => setReady(true), []);

  const ids = {
    text: `${id}-text`,
    name: `${id}-name`,
    replyTo: `${id}-reply-to`,
    replyToHint: `${id}-reply-to-hint`,
    count: `${id}-count`,
    error: (field: Field) => `${id}-${field}-error`,
  };

  function showErrors(found: FieldErrors) {
    setErrors(found);
    const first = (['text', 'name', 'replyTo'] as const).find((field) => found[field] !== undefined);
    if (first === undefined) return false;
    setStatus({ kind: 'error', message: CORRECT_FIELDS });
    fields[first].current?.focus();
    return true;
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (sending || !ready) return;
    if (showErrors(problemsOf(values))) return;
    setSending(true);
    setStatus(null);
    const result = await callApi<MessageSentResponse>('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: values.text, name: values.name, replyTo: values.replyTo, honeypot }),
    });
    setSending(false);
    if (!result.ok) {
      const { field, message } = result.failure;
      if (field === 'text' || field === 'name' || field === 'replyTo') showErrors({ [field]: message });
      else setStatus({ kind: 'error', message: `Your message was not sent. ${message}` });
      return;
    }
    const answer = values.replyTo.trim() === ''
      ? 'You left no email address, so we cannot answer you.'
      : `We'll answer at ${values.replyTo.trim()} when we can.`;
    setValues({ text: '', name: '', replyTo: '' });
    setErrors({});
    setStatus({ kind: 'ok', message: `Sent. Only the site owner can read it. ${answer}` });
  }

  const set = (field: Field) => (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    setValues({ ...values, [field]: event.currentTarget.value });
  const invalid = (field: Field) => (errors[field] ? 'true' : undefined);
  const errorText = (field: Field) => errors[field] && <p id={ids.error(field)} class="comment-error">{errors[field]}</p>;

  return (
    <form class="comment-form contact-form" method="post" noValidate onSubmit={submit}>
      <fieldset>
        <legend>Your message</legend>
        <div class="comment-field">
          <label for={ids.text}>What would you like to tell us?</label>
          <textarea
            id={ids.text}
            ref={fields.text}
            name="text"
            rows={7}
            value={values.text}
            aria-invalid={invalid('text')}
            aria-describedby={describedBy(!!errors.text && ids.error('text'), ids.count)}
            onInput={set('text')}
          />
          <CharacterCount id={ids.count} text={values.text} />
          {errorText('text')}
        </div>
      </fieldset>
      <fieldset>
        <legend>How to answer you <span class="comment-optional">(optional)</span></legend>
        <div class="comment-field">
          <label for={ids.name}>Your name <span class="comment-optional">(optional)</span></label>
          <input id={ids.name} ref={fields.name} name="name" type="text" autoComplete="nickname" maxLength={200} value={values.name}
            aria-invalid={invalid('name')} aria-describedby={describedBy(!!errors.name && ids.error('name'))} onInput={set('name')} />
          {errorText('name')}
        </div>
        <div class="comment-field">
          <label for={ids.replyTo}>Your email address <span class="comment-optional">(optional)</span></label>
          <input id={ids.replyTo} ref={fields.replyTo} name="replyTo" type="email" autoComplete="email" maxLength={300} value={values.replyTo}
            aria-invalid={invalid('replyTo')} aria-describedby={describedBy(!!errors.replyTo && ids.error('replyTo'), ids.replyToHint)} onInput={set('replyTo')} />
          <p id={ids.replyToHint} class="comment-count">
            Only if you want an answer. Leave it empty and we can still read your message, but we can't reply.
            We keep messages for at most {MESSAGE_KEEP_DAYS} days.
          </p>
          {errorText('replyTo')}
        </div>
      </fieldset>
      <BotTrap id={id} value={honeypot} onChange={setHoneypot} />
      <SendRow label="Send privately" ready={ready} sending={sending} status={status} gettingReady="The form is getting ready…" />
    </form>
  );
}
