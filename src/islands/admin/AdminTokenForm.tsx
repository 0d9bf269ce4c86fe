/**
 * The admin token field of the owner's pages, and the token itself: taken from this tab's sessionStorage when an
 * admin page was opened before, otherwise pasted in. Each page saves it once the server has accepted it.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { readAdminToken, saveAdminToken } from '../../browser/admin-token.ts';

/** The token in use ('' while signed out), starting from the one kept for this tab, and how to change it. */
export function useAdminToken(): [string, (token: string) => void] {
  const [token, setToken] = useState('');
  useEffect(() => {
    const stored = readAdminToken();
    if (stored !== '') setToken(stored);
  }, []);
  return [token, setToken];
}

interface Props {
  token: string;
  /** The submit button's label, which says what the token opens. */
  openLabel: string;
  onOpen: (token: string) => void;
  /** After "Forget token" has cleared the token here and in the tab: what the page clears of its own. */
  onForget: () => void;
}

export default function AdminTokenForm({ token, openLabel, onOpen, onForget }: Props) {
  const fieldId = useId();
  const [input, setInput] = useState('');
  // False in the server-rendered HTML: the form cannot be sent until the island runs.
  const [hydrated, setHydrated] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setHydrated(true);
    // Keep what was typed before hydration: the next render would otherwise reset the field to ''.
    if (field.current?.value) setInput(field.current.value);
  }, []);

  // A token kept from before replaces the field; an empty one (signed out) never clears what is being typed.
  useEffect(() => {
    if (token !== '') setInput(token);
  }, [token]);

  return (
    <form
      class="admin-token"
      onSubmit={(event) => {
        event.preventDefault();
        onOpen(input.trim());
      }}
    >
      <div class="comment-field">
        <label for={fieldId}>Admin token</label>
        <input ref={field} id={fieldId} type="password" autoComplete="current-password" value={input} onInput={(event) => setInput(event.currentTarget.value)} />
      </div>
      <button type="submit" class="button" disabled={!hydrated}>
        {openLabel}
      </button>
      {token !== '' && (
        <button
          type="button"
          class="button button-quiet"
          onClick={() => {
            setInput('');
            saveAdminToken('');
            onOpen('');
            onForget();
          }}
        >
          Forget token
        </button>
      )}
    </form>
  );
}
