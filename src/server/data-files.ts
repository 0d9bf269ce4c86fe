/**
 * The comment data on disk is for the server's user alone: its folder 0700, the database, its -wal and -shm
 * files and the client-hash key 0600, whatever the umask, so other local users cannot read comments or the key.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * Creates the data folder (and any missing parents) private to the owner. A folder that already exists is left as
 * it is: it may be shared on purpose (/var/lib, a mounted volume).
 */
export function ensureDataDir(dir: string): void {
  const firstCreated = mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
  // mkdir applies the umask; the folders made here get exactly 0700.
  if (firstCreated !== undefined) {
    for (let created = dir; created.length >= firstCreated.length; created = dirname(created)) {
      chmodSync(created, DATA_DIR_MODE);
      if (created === firstCreated) break;
    }
  }
}

/** Makes sure `path` exists, private to the owner, before SQLite opens it (SQLite copies its mode to -wal and -shm). */
export function prepareDataFile(path: string): void {
  ensureDataDir(dirname(path));
  closeSync(openSync(path, 'a', DATA_FILE_MODE));
  chmodSync(path, DATA_FILE_MODE);
}

/** Sets the database's -wal and -shm files, where they exist, to owner-only. */
export function restrictDataFiles(path: string): void {
  for (const companion of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, DATA_FILE_MODE);
  }
}
