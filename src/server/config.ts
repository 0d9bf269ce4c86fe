/** The comment service's settings, read from the environment once per process. */
import { dirname, resolve } from 'node:path';
import { MODERATION_POLICIES, type ModerationPolicy } from '../lib/comments/moderation.ts';
import { siteOrigin } from './entry/site-url.mjs';

export interface CommentsConfig {
  /** Origin that browsers' write requests must come from (from SITE_URL); null: the request's own origin. */
  siteOrigin: string | null;
  /** PostgreSQL connection URL; when set, comments live there instead of in SQLite. */
  databaseUrl: string | null;
  /** The SQLite file (COMMENTS_DB). */
  sqlitePath: string;
  /** Folder of the SQLite file; also holds the generated client-hash secret. */
  dataDir: string;
  /** Bearer token for moderation; null switches moderation off (there is no default). */
  adminToken: string | null;
  moderation: ModerationPolicy;
  /** How many proxies in front of the server append to X-Forwarded-For; 0: use the socket address. */
  trustProxy: number;
  /** Key for hashing client addresses (COMMENTS_SECRET); null: generated once into dataDir. */
  clientSecret: string | null;
  /** Days a deleted or rejected comment is kept (so the owner can restore it) before it is erased for good. */
  retentionDays: number;
  /** Problems that did not stop the service but need the owner's attention. */
  warnings: string[];
}

/** A setting that makes the service unsafe or meaningless to run. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Shortest admin token accepted: anything shorter is guessable, so moderation stays off instead. */
export const ADMIN_TOKEN_MIN = 16;

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function readTrustProxy(value: string | undefined): number {
  const setting = nonEmpty(value)?.toLowerCase() ?? 'false';
  if (setting === 'false' || setting === '0' || setting === 'no') return 0;
  if (setting === 'true' || setting === 'yes') return 1;
  if (/^[1-9]$/.test(setting)) return Number(setting);
  throw new ConfigError(`TRUST_PROXY must be true, false or the number of proxies (1-9), not "${value}"`);
}

function readSiteOrigin(value: string | undefined): string | null {
  try {
    return siteOrigin(value);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Default for COMMENTS_RETENTION_DAYS. */
export const RETENTION_DAYS_DEFAULT = 30;

function readRetentionDays(value: string | undefined): number {
  const setting = nonEmpty(value);
  if (setting === null) return RETENTION_DAYS_DEFAULT;
  if (!/^\d{1,4}$/.test(setting) || Number(setting) < 1) {
    throw new ConfigError(`COMMENTS_RETENTION_DAYS must be a whole number of days from 1 to 9999, not "${setting}"`);
  }
  return Number(setting);
}

/** Reads and checks every setting; throws ConfigError on a value that cannot be used. */
export function readConfig(env: Env, cwd: string = process.cwd()): CommentsConfig {
  const warnings: string[] = [];
  const moderation = nonEmpty(env['COMMENTS_MODERATION'])?.toLowerCase() ?? 'links';
  if (!(MODERATION_POLICIES as readonly string[]).includes(moderation)) {
    throw new ConfigError(`COMMENTS_MODERATION must be one of ${MODERATION_POLICIES.join(', ')}, not "${moderation}"`);
  }
  let adminToken = nonEmpty(env['ADMIN_TOKEN']);
  if (adminToken !== null && adminToken.length < ADMIN_TOKEN_MIN) {
    warnings.push(`ADMIN_TOKEN is shorter than ${ADMIN_TOKEN_MIN} characters, so moderation stays off`);
    adminToken = null;
  }
  const sqlitePath = resolve(cwd, nonEmpty(env['COMMENTS_DB']) ?? 'data/comments.db');
  return {
    siteOrigin: readSiteOrigin(env['SITE_URL']),
    databaseUrl: nonEmpty(env['DATABASE_URL']),
    sqlitePath,
    dataDir: dirname(sqlitePath),
    adminToken,
    moderation: moderation as ModerationPolicy,
    trustProxy: readTrustProxy(env['TRUST_PROXY']),
    clientSecret: nonEmpty(env['COMMENTS_SECRET']),
    retentionDays: readRetentionDays(env['COMMENTS_RETENTION_DAYS']),
    warnings,
  };
}
