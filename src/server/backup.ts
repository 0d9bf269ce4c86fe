/**
 * Backups as JSON lines: a header line, then every comment (parents before replies) and every report. Times are
 * ISO 8601 so a backup reads well; they convert back to the same milliseconds. Used by scripts/comments.mjs.
 */
import { COMMENT_ID_PATTERN } from '../lib/comments/limits.ts';
import type { CommentStatus } from '../lib/comments/moderation.ts';
import { normalisePagePath } from '../lib/comments/page-path.ts';
import type { CommentRecord, ExportItem, ReportRecord } from './comments/store/store.ts';

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

const STATUSES: readonly CommentStatus[] = ['published', 'pending', 'rejected', 'deleted'];
const HASH = /^[0-9a-f]{16,128}$/;

function time(value: unknown, field: string, fail: (message: string) => never): number {
  const parsed = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(parsed)) fail(`${field} must be an ISO 8601 time`);
  return parsed;
}

function text(value: unknown, field: string, fail: (message: string) => never): string {
  if (typeof value !== 'string') fail(`${field} must be a string`);
  return value as string;
}

function exactKeys(object: Record<string, unknown>, keys: readonly string[], fail: (message: string) => never): void {
  for (const key of Object.keys(object)) if (!keys.includes(key)) fail(`unknown field "${key}"`);
  for (const key of keys) if (!(key in object)) fail(`missing field "${key}"`);
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
  switch (object['type']) {
    case 'meta':
      if (object['format'] !== BACKUP_FORMAT) fail(`not a ${BACKUP_FORMAT} backup`);
      if (object['version'] !== BACKUP_VERSION) fail(`backup version ${String(object['version'])} is not supported`);
      return null;
    case 'comment': {
      exactKeys(object, ['type', 'id', 'page', 'parentId', 'name', 'text', 'status', 'createdAt', 'editedAt', 'secretHash', 'clientHash', 'openReports'], fail);
      const id = text(object['id'], 'id', fail);
      if (!COMMENT_ID_PATTERN.test(id)) fail('id is not a comment id');
      const page = text(object['page'], 'page', fail);
      if (normalisePagePath(page) !== page) fail('page is not a canonical page path');
      const parentId = object['parentId'] === null ? null : text(object['parentId'], 'parentId', fail);
      if (parentId !== null && !COMMENT_ID_PATTERN.test(parentId)) fail('parentId is not a comment id');
      const status = text(object['status'], 'status', fail) as CommentStatus;
      if (!STATUSES.includes(status)) fail(`status must be one of ${STATUSES.join(', ')}`);
      const secretHash = text(object['secretHash'], 'secretHash', fail);
      const clientHash = text(object['clientHash'], 'clientHash', fail);
      if (!HASH.test(secretHash) || !HASH.test(clientHash)) fail('secretHash and clientHash must be hex digests');
      const openReports = object['openReports'];
      if (typeof openReports !== 'number' || !Number.isInteger(openReports) || openReports < 0) fail('openReports must be a whole number');
      const record: CommentRecord = {
        id,
        page,
        parentId,
        name: text(object['name'], 'name', fail),
        text: text(object['text'], 'text', fail),
        status,
        createdAt: time(object['createdAt'], 'createdAt', fail),
        editedAt: object['editedAt'] === null ? null : time(object['editedAt'], 'editedAt', fail),
        secretHash,
        clientHash,
        openReports: openReports as number,
      };
      return { type: 'comment', ...record };
    }
    case 'report': {
      exactKeys(object, ['type', 'commentId', 'clientHash', 'reason', 'createdAt', 'open'], fail);
      const commentId = text(object['commentId'], 'commentId', fail);
      if (!COMMENT_ID_PATTERN.test(commentId)) fail('commentId is not a comment id');
      const clientHash = text(object['clientHash'], 'clientHash', fail);
      if (!HASH.test(clientHash)) fail('clientHash must be a hex digest');
      if (typeof object['open'] !== 'boolean') fail('open must be true or false');
      const report: ReportRecord = {
        commentId,
        clientHash,
        reason: text(object['reason'], 'reason', fail),
        createdAt: time(object['createdAt'], 'createdAt', fail),
        open: object['open'] as boolean,
      };
      return { type: 'report', ...report };
    }
    default:
      return fail('type must be meta, comment or report');
  }
}
