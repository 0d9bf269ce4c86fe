/**
 * The owner's private messages from the contact form: read, mark read or unread, erase for good, download all as
 * JSON. Behind the admin token, kept like the moderation queue's (sessionStorage, this tab only).
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadFile } from '../browser/download-file.ts';
import type { OwnerMessage, OwnerMessageResponse, OwnerMessagesResponse } from '../lib/contact/api-types.ts';
import { OwnerPage, useOwnerList } from './admin/owner-list.tsx';
import CommentBody from './comments/CommentBody.tsx';
import { ConfirmBox } from './comments/ConfirmBox.tsx';
import { TimeAgo } from './comments/TimeAgo.tsx';

const sender = (message: OwnerMessage) => (message.name === '' ? 'someone who gave no name' : message.name);

export default function AdminMessages() {
  const list = useOwnerList<OwnerMessage>();
  const { token, setStatus } = list;
  const [unread, setUnread] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function load(cursor: string | null) {
    const query = cursor ? `?${new URLSearchParams({ cursor })}` : '';
    const loaded = await list.load(`/api/admin/contact${query}`, cursor, (page: OwnerMessagesResponse) => page.messages);
    if (!loaded) return;
    const { page, shown } = loaded;
    setUnread(page.unread);
    if (cursor === null) setStatus(`${shown.length}${page.nextCursor ? '+' : ''} message(s), ${page.unread} unread.`);
  }

  useEffect(() => {
    if (token !== '') void load(null);
  }, [token]);

  async function setRead(message: OwnerMessage, read: boolean) {
    const changed = await list.call<OwnerMessageResponse>(`/api/admin/contact/${message.id}`, 'PATCH', { read });
    if (changed === null) return;
    list.replace(changed.message);
    setUnread(unread + (read ? -1 : 1));
    setStatus(`Message from ${sender(message)} marked ${read ? 'read' : 'unread'}.`);
  }

  async function erase(message: OwnerMessage) {
    const erased = await list.call<unknown>(`/api/admin/contact/${message.id}`, 'DELETE', {});
    setConfirming(null);
    if (erased === null) return;
    list.remove(message.id);
    if (message.readAt === null) setUnread(unread - 1);
    setStatus(`Message from ${sender(message)} erased.`);
  }

  async function downloadAll() {
    const everything = await list.call<unknown>('/api/admin/contact/export');
    if (everything === null) return;
    downloadFile(`back-together-messages-${new Date().toISOString().slice(0, 10)}.json`, `${JSON.stringify(everything, null, 2)}\n`, 'application/json');
    setStatus('Every message was saved as a JSON file. Keep it somewhere private, and delete it when you are done.');
  }

  const renderMessage = (message: OwnerMessage) => (
    <li key={message.id} class={`comment${message.readAt === null ? ' comment-pending' : ''}`}>
      <article aria-label={`Message from ${sender(message)}`}>
        <p class="admin-item-meta">
          <span class="comment-author">{message.name === '' ? 'No name given' : message.name}</span>
          <TimeAgo iso={message.createdAt} now={Date.now()} />
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
            <ConfirmBox
              label="Confirm erasing"
              question="Erase this message for good? It cannot be brought back."
              confirmLabel="Erase for good"
              onConfirm={() => void erase(message)}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <button type="button" class="button button-quiet" onClick={() => setConfirming(message.id)}>
              Erase
              <span class="visually-hidden"> the message from {sender(message)}</span>
            </button>
          )}
        </div>
      </article>
    </li>
  );

  return (
    <OwnerPage
      list={list}
      openLabel="Open messages"
      signedOut="Signed out in this tab."
      empty="No messages."
      onMore={(cursor) => void load(cursor)}
      renderItem={renderMessage}
      tools={
        <div class="admin-item-actions">
          <button type="button" class="button button-quiet" onClick={() => void downloadAll()}>
            Download all messages (JSON)
          </button>
        </div>
      }
    />
  );
}
