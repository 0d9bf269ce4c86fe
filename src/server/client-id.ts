/** Who is asking, as far as rate limits and report counting need to know: a keyed hash, never the address. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { chmodSync, existsSync, linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILE_MODE, ensureDataDir } from './data-files.ts';

/**
 * The client's address: the socket's, or with `trustProxy` proxies in front, the address the outermost trusted
 * proxy saw (counted from the right of X-Forwarded-For, since a client can write anything to its left). A
 * forwarded value that is not an IP address is no identity: the socket's address is used instead.
 */
export function clientAddress(request: Request, socketAddress: string | undefined, trustProxy: number): string {
  if (trustProxy > 0) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const seen = forwarded[Math.max(0, forwarded.length - trustProxy)];
    if (seen !== undefined && isIP(seen) !== 0) return seen;
  }
  return socketAddress ?? 'unknown';
}

/** Expands an IPv6 address to its eight groups, or returns null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return null;
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups : null;
}

/**
 * The part of an address that identifies one client: IPv4 as is (also when mapped into IPv6), and for IPv6 the
 * /64 network, since one household or phone is handed a whole /64 and can change the rest at will.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const groups = address.includes(':') ? ipv6Groups(address.replace(/%.*$/, '')) : null;
  if (groups) return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
  return address;
}

/**
 * Hashes a client address with a secret key. Without the key the stored value cannot be turned back into the
 * address; with it, IPv4 addresses could be tried one by one, which is why the key stays private (and can be rotated).
 */
export function createClientHasher(secret: string): (address: string) => string {
  return (address) => createHmac('sha256', secret).update(clientKey(address)).digest('hex').slice(0, 32);
}

const SECRET_FILE = 'comments-secret';

/**
 * The client-hash key kept in `dataDir`, created on first use. The key is written to a file of its own and then
 * hard-linked into place, which fails if a key is already there: when two processes start at once, both end up
 * with the one that landed first, and neither can read a half-written file.
 */
export function loadOrCreateSecret(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  ensureDataDir(dataDir);
  if (!existsSync(path)) {
    const draft = writeDraftSecret(path);
    try {
      linkSync(draft, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  chmodSync(path, DATA_FILE_MODE);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${path} is damaged: delete it to have a new key generated`);
  return secret;
}

/** A new random key in a file of its own beside `path`, private to the owner; returns the file's path. */
function writeDraftSecret(path: string): string {
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64url'), { flag: 'wx', mode: DATA_FILE_MODE });
  chmodSync(draft, DATA_FILE_MODE);
  return draft;
}

/**
 * Replaces the key in `dataDir` with a new one (atomically: a reader sees the old key or the new one). Hashes made
 * with the old key no longer match anyone, so rate limits and report counting start afresh once servers restart.
 */
export function rotateSecret(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  ensureDataDir(dataDir);
  renameSync(writeDraftSecret(path), path);
  return path;
}

/** SHA-256 (hex) of an edit secret: what the store keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new comment id: 80 random bits as 16 characters of lower-case base32. */
export function newCommentId(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      id += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return id;
}

/** A new edit secret: 256 random bits, base64url. */
export function newEditSecret(): string {
  return randomBytes(32).toString('base64url');
}
