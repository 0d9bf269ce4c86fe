/**
 * The owner's private messages from the contact form: read, mark read or unread, erase for good, download all as
 * JSON. Behind the admin token, kept like the moderation queue's (sessionStorage, this tab only).
 */
import { useEffect, useState } from 'preact/hooks';
import { exactTime, relativeTime } from '../lib/comments/relative-time.ts';
import type { OwnerMessage, OwnerMessageResponse, OwnerMessagesResponse } from '../lib/contact/api-types.ts';
import { saveAdminToken } from '../browser/admin-token.ts';
import { downloadFile } from '../browser/download-file.ts';
import { callApi } from '../stores/comments.ts';
import AdminTokenForm, { useAdminToken } from './admin/AdminTokenForm.tsx';
import CommentBody from './comments/CommentBody.tsx';
import './comments/comments.css';

const sender = (message: OwnerMessage) => (message.name === '' ? 'someone who gave no name' : message.name);

export default function AdminMessages() {
  const [token, setToken] = useAdminToken();
  const [messages, setMessages] = useState<OwnerMessage[]>([]);
  const [unread, setUnread] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  const auth = { Authorization: `Bearer ${token}` };
  const writeHeaders = { ...auth, 'Content-Type': 'application/json' };

  async function load(cursor: string | null) {
    setLoading(true);
    const query = cursor ? `?${new URLSearchParams({ cursor })}` : '';
    const result = await callApi<OwnerMessagesResponse>(`/api/admin/contact${query}`, { headers: auth });
    setLoading(false);
    if (!result.ok) {
      setStatus(result.failure.message);
      // A token the server refused is not worth keeping for the rest of the session.
      if (result.failure.status === 401) saveAdminToken('');
      if (cursor === null) setMessages([]);
      return;
    }
    saveAdminToken(token);
    const shown = cursor === null ? result.body.messages : [...messages, ...result.body.messages];
    setMessages(shown);
    setUnread(result.body.unread);
    setNextCursor(result.body.nextCursor);
    if (cursor === null) setStatus(`${shown.length}${result.body.nextCursor ? '+' : ''} message(s), ${result.body.unread} unread.`);
  }

  useEffect(() => {
    if (token !== '') void load(null);
  }, [token]);

  async function setRead(message: OwnerMessage, read: boolean) {
    const result = await callApi<OwnerMessageResponse>(`/api/admin/contact/${message.id}`, {
      method: 'PATCH',
      headers: writeHeaders,
      body: JSON.stringify({ read }),
    });
    if (!result.ok) {
      setStatus(result.failure.message);
      return;
    }
    setMessages(messages.map((entry) => (entry.id === message.id ? result.body.message : entry)));
    setUnread(unread + (read ? -1 : 1));
    setStatus(`Message from ${sender(message)} marked ${read ? 'read' : 'unread'}.`);
  }

  async function erase(message: OwnerMessage) {
    const result = await callApi<unknown>(`/api/admin/contact/${message.id}`, { method: 'DELETE', headers: writeHeaders, body: '{}' });
    setConfirming(null);
    if (!result.ok) {
      setStatus(result.failure.message);
      return;
    }
    setMessages(messages.filter((entry) => entry.id !== message.id));
    if (message.readAt === null) setUnread(unread - 1);
    setStatus(`Message from ${sender(message)} erased.`);
  }

  async function downloadAll() {
    const result = await callApi<unknown>('/api/admin/contact/export', { headers: auth });
    if (!result.ok) {
      setStatus(result.failure.message);
      return;
    }
    downloadFile(`back-together-messages-${new Date().toISOString().slice(0, 10)}.json`, `${JSON.stringify(result.body, null, 2)}\n`, 'application/json');
    setStatus('Every message was saved as a JSON file. Keep it somewhere private, and delete it when you are done.');
  }

  return (
    <div class="admin-queue">
      <AdminTokenForm
        token={token}
        openLabel="Open messages"
        onOpen={setToken}
        onForget={() => {
          setMessages([]);
          setStatus('Signed out in this tab.');
        }}
      />
      <p role="status">{status}</p>
      {token !== '' && (
        <>
          <div class="admin-item-actions">
            <button type="button" class="button button-quiet" onClick={() => void downloadAll()}>
              Download all messages (JSON)
            </button>
          </div>
          {loading && messages.length === 0 && <p>Loading…</p>}
          {!loading && messages.length === 0 && <p>No messages.</p>}
          <ol class="comment-list">
            {messages.map((message) => (
              <li key={message.id} class={`comment${message.readAt === null ? ' comment-pending' : ''}`}>
                <article aria-label={`Message from ${sender(message)}`}>
                  <p class="admin-item-meta">
                    <span class="comment-author">{message.name === '' ? 'No name given' : message.name}</span>
                    <time dateTime={message.createdAt} title={exactTime(Date.parse(message.createdAt))}>
                      {relativeTime(Date.parse(message.createdAt), Date.now())}
                    </time>
                    {message.readAt === null && <span class="comment-badge">Unread</span>}
                  </p>
                  <p class="admin-item-meta">
                    {message.replyTo === '' ? 'No reply address: this person cannot be answered.' : `Reply to: ${message.replyTo}`}
                  </p>
                  <CommentBody text={message.text} />
                  <div class="admin-item-actions">
                    <button type="button" class="button button-quiet" onClick={() => void setRead(message, message.readAt === null)}>
                      {message.readAt === null ? 'Mark read' : 'Mark unread'}
                      <span class="visually-hidden"> the message from {sender(message)}</span>
                    </button>
                    {confirming === message.id ? (
                      <div class="comment-confirm" role="group" aria-label="Confirm erasing">
                        <p>Erase this message for good? It cannot be brought back.</p>
                        <button type="button" class="button" onClick={() => void erase(message)}>
                          Erase for good
                        </button>
                        <button type="button" class="button button-quiet" onClick={() => setConfirming(null)}>
                          Keep it
                        </button>
                      </div>
                    ) : (
                      <button type="button" class="button button-quiet" onClick={() => setConfirming(message.id)}>
                        Erase
                        <span class="visually-hidden"> the message from {sender(message)}</span>
                      </button>
                    )}
                  </div>
                </article>
              </li>
            ))}
          </ol>
          {nextCursor !== null && (
            <button type="button" class="button button-quiet" disabled={loading} onClick={() => void load(nextCursor)}>
              Load more
            </button>
          )}
        </>
      )}
    </div>
  );
}
