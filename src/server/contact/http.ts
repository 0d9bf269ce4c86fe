/**
 * The private contact API: readers send a message for the site owner; only the owner, with the admin token, reads,
 * marks and erases them. No public request ever returns a message. Same request rules as the comments API
 * (JSON only, Origin check, body limit, JSON errors); everything it depends on is handed in, as there.
 */
import type { MessagesExport, MessageSentResponse, OwnerMessage, OwnerMessageResponse, OwnerMessagesResponse } from '../../lib/contact/api-types.ts';
import { MESSAGE_KEEP_MS, MESSAGES_PAGE_SIZE } from '../../lib/contact/limits.ts';
import { decodeCursor, encodeCursor } from '../../lib/comments/cursor.ts';
import { COMMENT_ID_PATTERN } from '../../lib/comments/limits.ts';
import { requireAdminToken } from '../admin-auth.ts';
import { serveRoutes, type Handler, type RequestMeta, type Route } from '../router.ts';
import { ADMIN_LOGIN_BACKOFF, FailureBackoff } from '../throttle.ts';
import { clientAddress, newCommentId } from '../client-id.ts';
import type { CommentsConfig } from '../config.ts';
import { admitByRate, rateLookback, type RateRule } from '../rate-limit.ts';
import { expectValid, parseEmpty } from '../request-body.ts';
import { badField, checkOrigin, HttpError, json, readJsonBody } from '../respond.ts';
import { parseNewMessage, parseReadChange } from './requests.ts';
import type { MessageRecord, MessageStore } from './store.ts';

/** 3 messages in 10 minutes and 10 a day per client: enough to add a forgotten detail, too few to flood the owner. */
export const CONTACT_RATE_RULES: readonly RateRule[] = [
  { windowMs: 10 * 60 * 1000, max: 3 },
  { windowMs: 24 * 60 * 60 * 1000, max: 10 },
];

/**
 * Largest body read. Above the comments' 16 KiB because a message carries a name and a reply address beside its
 * 4,000 characters: the longest valid message (all four-byte characters) still fits.
 */
export const CONTACT_BODY_LIMIT_BYTES = 20 * 1024;

export interface ContactDeps {
  store: MessageStore;
  /** Milliseconds since the epoch; tests pass a clock they move by hand. */
  now: () => number;
  config: Pick<CommentsConfig, 'siteOrigin' | 'adminToken' | 'trustProxy'>;
  /** Keyed hash of a client address (see client-id.ts). */
  hashClient: (address: string) => string;
  newId?: () => string;
  rateRules?: readonly RateRule[];
  /** Failed admin logins, counted with the process's other admin endpoints unless a test passes its own. */
  adminFailures?: FailureBackoff;
  logError?: (error: unknown) => void;
}

export interface ContactApi {
  /** Answers any request under /api/contact and /api/admin/contact. */
  fetch(request: Request, meta: RequestMeta): Promise<Response>;
  /** Erases every message past the keeping time; returns how many. */
  eraseExpired(): Promise<number>;
}

const iso = (time: number) => new Date(time).toISOString();

const noSuchMessage = () => new HttpError(404, 'not_found', 'There is no such message.');

function ownerMessage(record: MessageRecord): OwnerMessage {
  return {
    id: record.id,
    name: record.name,
    replyTo: record.replyTo,
    text: record.text,
    createdAt: iso(record.createdAt),
    readAt: record.readAt === null ? null : iso(record.readAt),
  };
}

export function createContactApi(deps: ContactDeps): ContactApi {
  const { store, config } = deps;
  const newId = deps.newId ?? newCommentId;
  const rateRules = deps.rateRules ?? CONTACT_RATE_RULES;
  const logError = deps.logError ?? ((error: unknown) => console.error('[contact]', error));

  /** Erases what is past the keeping time: swept regularly (runtime.ts), and before every new message, listing and export. */
  const eraseExpired = () => store.eraseOlderThan(deps.now() - MESSAGE_KEEP_MS);

  const sendMessage: Handler = async (request, meta) => {
    checkOrigin(request, config.siteOrigin);
    const input = expectValid(parseNewMessage(await readJsonBody(request, CONTACT_BODY_LIMIT_BYTES)));
    const now = deps.now();
    const sent: MessageSentResponse = { sent: true, receivedAt: iso(now) };
    // A bot filled the hidden field: it gets the same answer and nothing is stored.
    if (input.honeypot !== '') return json(sent, 201);
    const record: MessageRecord = {
      id: newId(),
      name: input.name,
      replyTo: input.replyTo,
      text: input.text,
      createdAt: now,
      readAt: null,
      clientHash: deps.hashClient(clientAddress(request, meta.clientAddress, config.trustProxy)),
    };
    await eraseExpired();
    const admission = await store.insert(record, { since: now - rateLookback(rateRules), admit: (recent) => admitByRate(recent, now, rateRules) });
    if (!admission.admitted) {
      // Messages have no threads: a refusal here is always the rate limit.
      const seconds = Math.max(1, Math.ceil(('retryAfterMs' in admission ? admission.retryAfterMs : 0) / 1000));
      const minutes = Math.ceil(seconds / 60);
      throw new HttpError(429, 'rate_limited', `Too many messages from here; please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
        headers: { 'Retry-After': String(seconds) },
      });
    }
    return json(sent, 201);
  };

  /** The owner's token, with a growing wait after wrong ones (admin-auth.ts). */
  const adminFailures = deps.adminFailures ?? new FailureBackoff(ADMIN_LOGIN_BACKOFF);
  const requireOwner = (request: Request, meta: RequestMeta) =>
    requireAdminToken(request, config.adminToken, {
      client: deps.hashClient(clientAddress(request, meta.clientAddress, config.trustProxy)),
      now: deps.now(),
      failures: adminFailures,
    });

  const listMessages: Handler = async (request, meta) => {
    requireOwner(request, meta);
    const cursorParam = new URL(request.url).searchParams.get('cursor');
    let after = null;
    if (cursorParam !== null && cursorParam !== '') {
      const cursor = decodeCursor(cursorParam);
      if (cursor === null || cursor.sort !== 'newest') throw badField('cursor', 'cursor is not one this list handed out.');
      after = { createdAt: cursor.createdAt, id: cursor.id };
    }
    await eraseExpired();
    const page = await store.list(after, MESSAGES_PAGE_SIZE);
    const shown = page.messages.slice(0, MESSAGES_PAGE_SIZE);
    const last = shown.at(-1);
    const body: OwnerMessagesResponse = {
      messages: shown.map(ownerMessage),
      unread: page.unread,
      nextCursor: page.messages.length > MESSAGES_PAGE_SIZE && last ? encodeCursor({ sort: 'newest', createdAt: last.createdAt, id: last.id }) : null,
    };
    return json(body);
  };

  const exportMessages: Handler = async (request, meta) => {
    requireOwner(request, meta);
    await eraseExpired();
    const now = deps.now();
    const body: MessagesExport = { format: 'back-together-messages', version: 1, exportedAt: iso(now), messages: (await store.all()).map(ownerMessage) };
    return json(body, 200, 'private', {
      'Content-Disposition': `attachment; filename="back-together-messages-${iso(now).slice(0, 10)}.json"`,
    });
  };

  const markMessage: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    requireOwner(request, meta);
    const { read } = expectValid(parseReadChange(await readJsonBody(request)));
    const record = COMMENT_ID_PATTERN.test(id) ? await store.setRead(id, read ? deps.now() : null) : null;
    if (!record) throw noSuchMessage();
    const body: OwnerMessageResponse = { message: ownerMessage(record) };
    return json(body);
  };

  const eraseMessage: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    requireOwner(request, meta);
    expectValid(parseEmpty(await readJsonBody(request)));
    if (!COMMENT_ID_PATTERN.test(id) || !(await store.erase(id))) throw noSuchMessage();
    return json({ id, erased: true });
  };

  /** Path patterns and the handler for each method; a captured group is the message id. */
  const routes: readonly Route<Handler>[] = [
    { pattern: /^\/api\/contact$/, methods: { POST: sendMessage } },
    { pattern: /^\/api\/admin\/contact$/, methods: { GET: listMessages } },
    { pattern: /^\/api\/admin\/contact\/export$/, methods: { GET: exportMessages } },
    { pattern: /^\/api\/admin\/contact\/([^/]+)$/, methods: { PATCH: markMessage, DELETE: eraseMessage } },
  ];

  return {
    eraseExpired,
    fetch: serveRoutes(routes, { logError, busy: 'Messages are busy right now; try again in a moment.' }),
  };
}
