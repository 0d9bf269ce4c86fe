/** The JSON shapes of the contact API, shared by the server that writes them and the islands that read them. */

/** `POST /api/contact` → 201. Nothing of the message comes back: it is for the owner only. */
export interface MessageSentResponse {
  sent: true;
  /** ISO 8601. */
  receivedAt: string;
}

/** A private message as the owner sees it. */
export interface OwnerMessage {
  id: string;
  /** As typed, trimmed; empty when the sender gave none. */
  name: string;
  /** Where to answer, as typed; empty means the sender cannot be answered. */
  replyTo: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601 when the owner marked it read; null while unread. */
  readAt: string | null;
}

/** `GET /api/admin/contact` */
export interface OwnerMessagesResponse {
  messages: OwnerMessage[];
  unread: number;
  /** Pass back as `cursor` for the next page (newest first); null on the last page. */
  nextCursor: string | null;
}

/** `PATCH /api/admin/contact/<id>` */
export interface OwnerMessageResponse {
  message: OwnerMessage;
}

/** `GET /api/admin/contact/export`: every message, oldest first. */
export interface MessagesExport {
  format: 'back-together-messages';
  version: 1;
  /** ISO 8601. */
  exportedAt: string;
  messages: OwnerMessage[];
}
