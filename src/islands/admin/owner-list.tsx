/**
 * What the owner's pages (moderation queue, private messages) share: a list loaded page by page with the admin
 * token, calls that show their failure in the page's status line, and the page around the list.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { saveAdminToken } from '../../browser/admin-token.ts';
import { callApi, type ApiResult } from '../../stores/api.ts';
import AdminTokenForm, { useAdminToken } from './AdminTokenForm.tsx';
import '../comments/comments.css';
import './admin.css';

export type OwnerList<T extends { id: string }> = ReturnType<typeof useOwnerList<T>>;

/** The token, the list and the status line of an owner's page, and the calls that change them. */
export function useOwnerList<T extends { id: string }>() {
  const [token, setToken] = useAdminToken();
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [loading, setLoading] = useState(false);
  const auth = { Authorization: `Bearer ${token}` };

  /** Calls the admin API with the token (JSON `body` for a change); a failure is shown in the status line. */
  async function request<Body>(url: string, method = 'GET', body?: unknown): Promise<ApiResult<Body>> {
    const init = body === undefined ? { method, headers: auth } : { method, headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const result = await callApi<Body>(url, init);
    if (!result.ok) setStatus(result.failure.message);
    return result;
  }

  /** The same, for a caller that only needs the answer: null when the call failed. */
  const call = async <Body,>(url: string, method?: string, body?: unknown): Promise<Body | null> => {
    const result = await request<Body>(url, method, body);
    return result.ok ? result.body : null;
  };

  /** Loads the first page (`after` null) or the next one; returns the page and every item now shown. */
  async function load<Page extends { nextCursor: string | null }>(url: string, after: string | null, itemsOf: (page: Page) => T[]) {
    setLoading(true);
    const result = await request<Page>(url);
    setLoading(false);
    if (!result.ok) {
      // A token the server refused is not worth keeping for the rest of the session.
      if (result.failure.status === 401) saveAdminToken('');
      if (after === null) setItems([]);
      return null;
    }
    saveAdminToken(token);
    const shown = after === null ? itemsOf(result.body) : [...items, ...itemsOf(result.body)];
    setItems(shown);
    setNextCursor(result.body.nextCursor);
    return { page: result.body, shown };
  }

  const replace = (item: T) => setItems(items.map((entry) => (entry.id === item.id ? item : entry)));
  const remove = (id: string) => setItems(items.filter((entry) => entry.id !== id));
  return { token, setToken, items, setItems, nextCursor, status, setStatus, loading, call, load, replace, remove };
}

interface PageProps<T extends { id: string }> {
  list: OwnerList<T>;
  openLabel: string;
  /** Said once "Forget token" has signed the owner out. */
  signedOut: string;
  /** Said when the list is empty. */
  empty: string;
  onMore: (cursor: string) => void;
  renderItem: (item: T) => ComponentChildren;
  /** Above the list, once signed in. */
  tools?: ComponentChildren;
  /** Below the list, once signed in. */
  footer?: ComponentChildren;
}

/** The token form, the status line, and (signed in) the list with "Load more". */
export function OwnerPage<T extends { id: string }>({ list, openLabel, signedOut, empty, onMore, renderItem, tools, footer }: PageProps<T>) {
  const { token, items, nextCursor, loading } = list;
  return (
    <div class="admin-queue">
      <AdminTokenForm
        token={token}
        openLabel={openLabel}
        onOpen={list.setToken}
        onForget={() => {
          list.setItems([]);
          list.setStatus(signedOut);
        }}
      />
      <p role="status">{list.status}</p>
      {token !== '' && (
        <>
          {tools}
          {loading && items.length === 0 && <p>Loading…</p>}
          {!loading && items.length === 0 && <p>{empty}</p>}
          <ol class="comment-list">{items.map(renderItem)}</ol>
          {nextCursor !== null && (
            <button type="button" class="button button-quiet" disabled={loading} onClick={() => onMore(nextCursor)}>
              Load more
            </button>
          )}
          {footer}
        </>
      )}
    </div>
  );
}
