/**
 * The privacy page stays true: every browser-storage key the code uses and every column the comment store keeps
 * is listed on it, and it lists nothing that no longer exists. A new key or column without a line there fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDIT_WINDOW_MS } from '../../src/lib/comments/limits';
import { OWN_KEY_LIFETIME_MS } from '../../src/lib/comments/own-keys';
import { RETENTION_DAYS_DEFAULT } from '../../src/server/config';
import { MESSAGE_KEEP_DAYS } from '../../src/lib/contact/limits';
import { repoRoot } from '../support/paths';
import { builtPage, builtPages, visibleText } from '../support/site';

const srcDir = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|astro)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const sources = sourceFiles(srcDir).map((file) => ({ file: relative(repoRoot, file), code: readFileSync(file, 'utf8') }));

/** Every string constant in src: `const name = 'value'`, for resolving keys passed by name. */
const constants = new Map<string, string>();
for (const { code } of sources) {
  for (const match of code.matchAll(/\b(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=\s*(['"`])([^'"`$]*)\2/g)) {
    constants.set(match[1]!, match[3]!);
  }
}

interface StorageUse {
  file: string;
  call: string;
  key: string | null;
}

/** Where code reads or writes browser storage, and the key it uses (null when it cannot be worked out). */
function storageUses(): StorageUse[] {
  const calls =
    /\b(localStorage|sessionStorage)\s*\.\s*(setItem|getItem|removeItem)\s*\(\s*([^,)]+)|\b(persistentAtom|persistentMap|persistentJSON)\s*(?:<[^(]*>)?\s*\(\s*([^,)]+)/g;
  return sources.flatMap(({ file, code }) =>
    [...code.matchAll(calls)].map((match) => {
      const argument = (match[3] ?? match[5] ?? '').trim();
      const literal = /^(['"`])([^'"`$]*)\1$/.exec(argument);
      // A key written into an inline script's text by name: `getItem('${stateStorageKey}')`.
      const interpolated = /^'\$\{([A-Za-z_$][\w$]*)\}'$/.exec(argument);
      const name = interpolated ? interpolated[1]! : argument;
      return { file, call: match[2] ?? match[4]!, key: literal ? literal[2]! : (constants.get(name) ?? null) };
    }),
  );
}

/** `'back-together:…'` literals in src, except Astro integration names (`name: 'back-together:pagefind'`). */
function prefixedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const { code } of sources) {
    for (const match of code.matchAll(/(name\s*:\s*)?(['"`])(back-together:[a-z0-9-]+)\2/g)) {
      if (!match[1]) keys.add(match[3]!);
    }
  }
  return keys;
}

/** Column names of each table a comment store creates, from its CREATE TABLE statements. */
function schemaColumns(file: string): Map<string, string[]> {
  const code = readFileSync(join(srcDir, 'server', file), 'utf8');
  const tables = new Map<string, string[]>();
  for (const match of code.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)\s*\(/gi)) {
    // The body runs to the matching parenthesis: column definitions hold parentheses of their own.
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < code.length) {
      if (code[end] === '(') depth += 1;
      if (code[end] === ')') depth -= 1;
      end += 1;
    }
    const body = code.slice(match.index + match[0].length, end - 1);
    const definitions: string[] = [];
    let current = '';
    depth = 0;
    for (const character of body) {
      if (character === '(') depth += 1;
      if (character === ')') depth -= 1;
      if (character === ',' && depth === 0) {
        definitions.push(current);
        current = '';
      } else current += character;
    }
    definitions.push(current);
    const columns = definitions
      .map((definition) => definition.trim().split(/\s+/)[0] ?? '')
      .filter((name) => name !== '' && !/^(PRIMARY|FOREIGN|UNIQUE|CHECK|CONSTRAINT)$/i.test(name));
    tables.set(match[1]!.toLowerCase(), columns);
  }
  // Columns added by later migrations.
  for (const match of code.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/gi)) {
    tables.get(match[1]!.toLowerCase())?.push(match[2]!);
  }
  return tables;
}

const privacy = builtPage('/privacy/');
const listed = new Set(privacy.document.querySelectorAll('main code').map((code) => code.text.trim()));
const privacyText = visibleText(privacy.document.querySelector('main')!);

describe('the privacy page lists what the browser keeps', () => {
  const keys = prefixedKeys();

  it('finds the keys the site is known to use (the scan itself works)', () => {
    expect([...keys]).toEqual(expect.arrayContaining(['back-together:state', 'back-together:theme', 'back-together:comment-keys']));
  });

  it('lists every storage key in the code', () => {
    for (const key of keys) expect(listed, `${key} is used in src/ but not listed on the privacy page`).toContain(key);
  });

  it('keeps every key a storage call uses under the site prefix, so the scan sees it', () => {
    const uses = storageUses();
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const use of uses) {
      expect(use.key, `${use.file}: ${use.call}() with a key the test cannot resolve; use a 'back-together:' string constant`).not.toBeNull();
      expect(use.key, `${use.file}: ${use.call}()`).toMatch(/^back-together:[a-z0-9-]+$/);
      expect(listed, `${use.file}: ${use.key} is not listed on the privacy page`).toContain(use.key);
    }
  });

  it('lists no key the code no longer uses', () => {
    const stale = [...listed].filter((code) => code.startsWith('back-together:') && !keys.has(code));
    expect(stale).toEqual([]);
  });

  it('is right that nothing else is stored: no cookies or IndexedDB, and caches only for the offline copy it describes', () => {
    for (const { file, code } of sources) {
      expect(code, file).not.toMatch(/document\s*\.\s*cookie|\bindexedDB\b|\bcookieStore\b/);
      if (file !== join('src', 'integrations', 'offline-service-worker.ts')) expect(code, file).not.toMatch(/\bcaches\s*\.\s*open\b/);
    }
    expect(privacyText).toMatch(/keeps a copy of the guide in its cache storage/);
  });
});

/**
 * Tables that hold nothing about a person, so the privacy page need not list them. A new table fails the test
 * below until it is either listed on the privacy page or added here with its reason.
 */
const NOT_ABOUT_ANYONE = new Set([
  // Which schema migrations have run.
  'schema_migrations',
  // A change counter per page path, for caching comment threads.
  'page_versions',
  // The delivery state of the owner's notification channels (leases, schedule, last result).
  'notify_channels',
]);

describe('the privacy page lists what the server keeps', () => {
  for (const store of ['comments/store/schema.ts']) {
    it(`names every column of the comment tables in ${store}`, () => {
      const tables = schemaColumns(store);
      expect([...tables.keys()]).toEqual(expect.arrayContaining(['comments', 'reports']));
      for (const [table, columns] of tables) {
        if (NOT_ABOUT_ANYONE.has(table)) continue;
        expect(columns.length, table).toBeGreaterThan(0);
        for (const column of columns) expect(listed, `${table}.${column} is stored but not listed on the privacy page`).toContain(column);
      }
    });
  }

  it('names every column of the notification outbox (src/server/notify/schema.ts)', () => {
    const tables = schemaColumns('notify/schema.ts');
    expect([...tables.keys()]).toEqual(expect.arrayContaining(['notify_outbox', 'notify_channels']));
    for (const [table, columns] of tables) {
      if (NOT_ABOUT_ANYONE.has(table)) continue;
      for (const column of columns) expect(listed, `${table}.${column} is stored but not listed on the privacy page`).toContain(column);
    }
  });

  for (const store of ['contact/schema.ts']) {
    it(`names every column of the private messages table in ${store}`, () => {
      const tables = schemaColumns(store);
      expect([...tables.keys()]).toEqual(['contact_messages']);
      const columns = tables.get('contact_messages') ?? [];
      expect(columns.length).toBeGreaterThan(0);
      for (const column of columns) expect(listed, `contact_messages.${column} is stored but not listed on the privacy page`).toContain(column);
    });
  }

  it('says how long private messages are kept, with the number the server enforces', () => {
    expect(privacyText).toMatch(/How long we keep messages/);
    expect(privacyText).toContain(`after ${MESSAGE_KEEP_DAYS} days`);
  });

  it('says how long things are kept and how to delete them', () => {
    expect(privacyText).toMatch(/How long we keep it/);
    expect(privacyText).toMatch(/How to delete it/);
    expect(privacyText).toMatch(/Delete everything/);
    // The numbers come from the code that enforces them.
    expect(privacyText).toContain(`within ${EDIT_WINDOW_MS / 60_000} minutes`);
    expect(privacyText).toContain(`after ${OWN_KEY_LIFETIME_MS / 86_400_000} days`);
    expect(privacyText).toContain(`for ${RETENTION_DAYS_DEFAULT} days, marked as deleted`);
    expect(privacyText).toContain(`After ${RETENTION_DAYS_DEFAULT} days it’s erased automatically`);
  });

  it('says what is true of the address hash, and that search words stay out of history', () => {
    // The built page has typographic apostrophes.
    expect(privacyText).toContain('can’t be reversed without the server’s secret key');
    expect(privacyText).not.toMatch(/can’t be turned back/);
    expect(privacyText).toContain('Your search words aren’t kept in the address bar or your browser’s history');
  });
});

describe('titles and share previews', () => {
  it('name the guide page on result pages, never the reader’s result', () => {
    const results = builtPages().filter((page) => /\/result\/[^/]+\/$/.test(page.path));
    expect(results.length).toBeGreaterThan(0);
    for (const page of results) {
      const result = page.document.querySelector('h1')?.text.trim() ?? '';
      expect(result, page.path).not.toBe('');
      const head = page.document.querySelector('head')!;
      const shown = [
        head.querySelector('title')?.text ?? '',
        ...head.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]').map((meta) => meta.getAttribute('content') ?? ''),
      ];
      for (const text of shown) expect(text, `${page.path}: "${result}" in "${text}"`).not.toContain(result);
    }
  });
});
