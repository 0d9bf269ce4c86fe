import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Newest commit date of every file git has seen, keyed by absolute path; read once per build (per folder). */
const commitDatesByFolder = new Map<string, Map<string, Date>>();

/**
 * Reads the whole history in one `git log` (newest first), instead of one process per content file:
 * at a thousand entries, spawning git from a large build process cost more system time than the rest.
 * A file moved or renamed without a change (`R100`) keeps the date of its last change under its old name.
 */
function loadCommitDates(folder: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  try {
    const run = (args: string[]) =>
      execFileSync('git', ['-C', folder, '-c', 'core.quotepath=off', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    const top = run(['rev-parse', '--show-toplevel']).trim();
    let current: Date | undefined;
    // An older name → the file's name today, for files renamed without a change.
    const renamedTo = new Map<string, string>();
    for (const line of run(['log', '--format=%x00%cI', '--name-status', '-M']).split('\n')) {
      if (line.startsWith('\0')) {
        current = new Date(line.slice(1));
        continue;
      }
      const [status = '', ...paths] = line.split('\t');
      const path = paths.at(-1);
      if (!path || !current) continue;
      const today = renamedTo.get(path) ?? path;
      if (status === 'R100') renamedTo.set(paths[0]!, today);
      else if (!dates.has(resolve(top, today))) dates.set(resolve(top, today), current);
    }
  } catch {
    // No git here (for example a source tarball): every file falls back to its modification time.
  }
  return dates;
}

/**
 * When a content file last changed: its newest commit date from git history, or the file's
 * modification time when it is not committed yet (or git is not there).
 */
export function lastUpdated(filePath: string, folder = process.cwd()): Date {
  let commitDates = commitDatesByFolder.get(folder);
  if (!commitDates) commitDatesByFolder.set(folder, (commitDates = loadCommitDates(folder)));
  const absolutePath = resolve(folder, filePath);
  return commitDates.get(absolutePath) ?? statSync(absolutePath).mtime;
}
