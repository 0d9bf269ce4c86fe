import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverEntry } from '../support/paths';

/** Static `import … from` and dynamic `import()` specifiers of a built server module. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(file, 'utf8');
  return {
    static: [...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((match) => match[1]!),
    dynamic: [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!),
  };
}

/** The packages a module loads, following relative imports: statically only, or dynamic imports too. */
function packagesReached(entry: string, { dynamic }: { dynamic: boolean }): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    // Type-only `import('…')` in JSDoc can name source files that are not in the build.
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const found = importsOf(file);
    for (const specifier of dynamic ? [...found.static, ...found.dynamic] : found.static) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('the built server', () => {
  it('loads the PostgreSQL client and the mailer only when a setting asks for them', () => {
    // The API handler, as the server entry loads it for the first /api/ request.
    const atStart = packagesReached(resolve(dirname(serverEntry), 'api-entry.mjs'), { dynamic: false });
    expect(atStart).toContain('node:sqlite');
    expect(atStart).not.toContain('postgres');
    expect(atStart).not.toContain('nodemailer');
    const whenAsked = packagesReached(serverEntry, { dynamic: true });
    expect(whenAsked).toContain('postgres');
    expect(whenAsked).toContain('nodemailer');
  });
});
