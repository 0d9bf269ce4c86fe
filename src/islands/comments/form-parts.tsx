/** Parts the comment forms and the contact form share: character count, bot trap, send button and status line. */
import { TEXT_MAX } from '../../lib/comments/limits.ts';
import { characterCount } from '../../lib/comments/validation.ts';

/** What a form last said: a confirmation or a problem. */
export interface FormStatusValue {
  kind: 'ok' | 'error';
  message: string;
}

export const CORRECT_FIELDS = 'Please correct the highlighted field.';

/** The ids an input's aria-describedby lists (the ones given), or nothing. */
export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** "1,234 of 5,000 characters" under a text field, marked when the text is too long. */
export function CharacterCount({ id, text }: { id: string; text: string }) {
  const count = characterCount(text);
  return (
    <p id={id} class={`comment-count${count > TEXT_MAX ? ' comment-count-over' : ''}`}>
      {count.toLocaleString('en')} of {TEXT_MAX.toLocaleString('en')} characters
    </p>
  );
}

/** For bots that fill in every field: hidden from people and assistive technology, never sent when empty. */
export function BotTrap({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <div class="comment-trap" aria-hidden="true">
      <label for={`${id}-website`}>Website (leave empty)</label>
      <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" value={value} onInput={(event) => onChange(event.currentTarget.value)} />
    </div>
  );
}

interface SendProps {
  label: string;
  /**
   * False until the island has hydrated (the contact form): a form that cannot be sent yet says so, in `gettingReady`,
   * rather than pretend. A comment form is mounted by a running page script, so it is ready from the start.
   */
  ready?: boolean;
  sending: boolean;
  status: FormStatusValue | null;
  gettingReady?: string;
  onCancel?: (() => void) | undefined;
}

/** The send button (and Cancel, where the form can be closed), then the announced status line. */
export function SendRow({ label, ready = true, sending, status, gettingReady = '', onCancel }: SendProps) {
  return (
    <>
      <div class="comment-form-actions">
        <button type="submit" class="button" disabled={!ready || sending} aria-disabled={sending ? 'true' : undefined}>
          {sending ? 'Sending…' : label}
        </button>
        {onCancel && (
          <button type="button" class="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <p role="status" class={`comment-form-status${status?.kind === 'error' ? ' comment-error' : ''}`}>
        {status?.message ?? (ready ? '' : gettingReady)}
      </p>
    </>
  );
}
