/**
 * Backups as JSON lines: a header line, then every comment (parents before replies) and every report. Times are
 * ISO 8601 so a backup reads well; they convert back to the same milliseconds. Used by scripts/comments.mjs.
 */
import { z } from 'astro/zod';
import { COMMENT_ID_PATTERN } from '../lib/comments/limits.ts';
import type { CommentStatus } from '../lib/comments/moderation.ts';
import { normalisePagePath } from '../lib/comments/page-path.ts';
import type { ExportItem } from './comments/store/store.ts';

export const BACKUP_FORMAT = 'back-together-comments';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  type: 'meta';
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  source: string;
}

export function headerLine(source: string, exportedAt: number): string {
  const header: BackupHeader = { type: 'meta', format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(exportedAt).toISOString(), source };
  return JSON.stringify(header);
}

export function itemLine(item: ExportItem): string {
  if (item.type === 'comment') {
    return JSON.stringify({ ...item, createdAt: new Date(item.createdAt).toISOString(), editedAt: item.editedAt === null ? null : new Date(item.editedAt).toISOString() });
  }
  return JSON.stringify({ ...item, createdAt: new Date(item.createdAt).toISOString() });
}

/** A line that cannot be imported, with its 1-based line number. */
export class BackupLineError extends Error {
  override readonly name = 'BackupLineError';
}

const STATUSES = ['published', 'pending', 'rejected', 'deleted'] as const satisfies readonly CommentStatus[];
const hash = (field: string) => z.string({ error: `${field} must be a string` }).regex(/^[0-9a-f]{16,128}$/, `${field} must be a hex digest`);
const commentId = (field: string) => z.string({ error: `${field} must be a string` }).regex(COMMENT_ID_PATTERN, `${field} is not a comment id`);
const text = (field: string) => z.string({ error: `${field} must be a string` });
/** An ISO 8601 time, as milliseconds since the epoch. */
const time = (field: string) =>
  z
    .string({ error: `${field} must be an ISO 8601 time` })
    .refine((value) => /^\d{4}-\d\d-\d\dT/.test(value) && Number.isFinite(Date.parse(value)), `${field} must be an ISO 8601 time`)
    .transform((value) => Date.parse(value));

/** Every field, in the order checked: the first at fault is the one named. */
const COMMENT_LINE = z.strictObject({
  type: z.literal('comment'),
  id: commentId('id'),
  page: text('page').refine((page) => normalisePagePath(page) === page, 'page is not a canonical page path'),
  parentId: commentId('parentId').nullable(),
  name: text('name'),
  text: text('text'),
  status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}` }),
  createdAt: time('createdAt'),
  editedAt: time('editedAt').nullable(),
  secretHash: hash('secretHash'),
  clientHash: hash('clientHash'),
  openReports: z.number({ error: 'openReports must be a whole number' }).int('openReports must be a whole number').min(0, 'openReports must be a whole number'),
});

const REPORT_LINE = z.strictObject({
  type: z.literal('report'),
  commentId: commentId('commentId'),
  clientHash: hash('clientHash'),
  reason: text('reason'),
  createdAt: time('createdAt'),
  open: z.boolean({ error: 'open must be true or false' }),
});

/** What is wrong with `object` that `schema` refused: an unknown field, a missing one, or the first field at fault. */
function problemOf(schema: typeof COMMENT_LINE | typeof REPORT_LINE, object: Record<string, unknown>, error: z.ZodError): string {
  const unknown = Object.keys(object).find((key) => !(key in schema.shape));
  if (unknown !== undefined) return `unknown field "${unknown}"`;
  const missing = Object.keys(schema.shape).find((key) => !(key in object));
  if (missing !== undefined) return `missing field "${missing}"`;
  return error.issues[0]?.message ?? 'not a valid line';
}

/** The item on one line of a backup; null for the header; BackupLineError for anything else. */
export function parseBackupLine(line: string, lineNumber: number): ExportItem | null {
  const fail = (message: string): never => {
    throw new BackupLineError(`line ${lineNumber}: ${message}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not a JSON object');
  const object = value as Record<string, unknown>;
  if (object['type'] === 'meta') {
    if (object['format'] !== BACKUP_FORMAT) fail(`not a ${BACKUP_FORMAT} backup`);
    if (object['version'] !== BACKUP_VERSION) fail(`backup version ${String(object['version'])} is not supported`);
    return null;
  }
  const schema = object['type'] === 'comment' ? COMMENT_LINE : object['type'] === 'report' ? REPORT_LINE : null;
  if (schema === null) return fail('type must be meta, comment or report');
  const result = schema.safeParse(object);
  return result.success ? (result.data as ExportItem) : fail(problemOf(schema, object, result.error));
}
