import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

/**
 * When a content file last changed: its newest commit date from git history, or the file's
 * modification time when it is not committed yet (or git is not there).
 */
export function lastUpdated(filePath: string): Date {
  try {
    const committed = execFileSync('git', ['log', '-1', '--format=%cI', '--', filePath], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (committed) return new Date(committed);
  } catch {
    // No git here (for example a source tarball): fall back to the file itself.
  }
  return statSync(filePath).mtime;
}
