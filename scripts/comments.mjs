// Comment backups: `npm run comments -- export > backup.jsonl` and `npm run comments -- import < backup.jsonl`;
// `npm run comments -- rotate-secret` replaces the key that client addresses are hashed with.
// Works on the store the environment selects (DATABASE_URL, else COMMENTS_DB), with the server's own store code
// (Node strips the TypeScript types when it loads it).
import { createInterface } from 'node:readline';
import { headerLine, itemLine, parseBackupLine } from '../src/server/backup.ts';
import { rotateSecret } from '../src/server/client-id.ts';
import { readConfig } from '../src/server/config.ts';
import { openStore } from '../src/server/comments/store/open.ts';

const usage = `usage: npm run comments -- export > backup.jsonl
       npm run comments -- import < backup.jsonl
       npm run comments -- rotate-secret

Uses PostgreSQL when DATABASE_URL is set, otherwise the SQLite file COMMENTS_DB (default data/comments.db).
Import keeps ids, times, statuses, replies and reports, and skips comments whose id already exists.
rotate-secret replaces the generated client-hash key beside COMMENTS_DB; restart the server afterwards.`;

/** Writes a line to stdout, waiting when the pipe is full so large exports stay in bounded memory. */
async function writeLine(line) {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function exportAll(store, source) {
  await writeLine(headerLine(source, Date.now()));
  let count = 0;
  for await (const item of store.exportAll()) {
    await writeLine(itemLine(item));
    count += 1;
  }
  console.error(`exported ${count} item(s) from ${source}`);
}

async function importAll(store, source) {
  // Every line is checked before anything is written: a damaged backup imports nothing.
  const items = [];
  const problems = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    try {
      const item = parseBackupLine(line, lineNumber);
      if (item) items.push(item);
    } catch (error) {
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    console.error(`nothing imported; ${problems.length} bad line(s):\n${problems.slice(0, 20).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const result = await store.importItems(items);
  console.error(`imported ${result.inserted} item(s) into ${source}; ${result.skipped} already there and left as they were`);
}

const command = process.argv[2];
if (command !== 'export' && command !== 'import' && command !== 'rotate-secret') {
  console.error(usage);
  process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 2);
}

const config = readConfig(process.env);
if (command === 'rotate-secret') {
  if (config.clientSecret !== null) {
    console.error('COMMENTS_SECRET is set, so the key comes from the environment: set a new value there and restart the server.');
    process.exit(2);
  }
  const path = rotateSecret(config.dataDir);
  console.error(
    `wrote a new key to ${path}. Restart the server to use it. Stored client hashes no longer match anyone: ` +
      'rate limits and report counting start afresh; edit keys are not affected.',
  );
  process.exit(0);
}

const source = config.databaseUrl ? 'postgresql' : `sqlite:${config.sqlitePath}`;
const store = await openStore(config);
try {
  if (command === 'export') await exportAll(store, source);
  else await importAll(store, source);
} catch (error) {
  console.error(`comments ${command} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
