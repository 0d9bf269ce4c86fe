import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, visibleText } from '../support/site';
import { repoRoot } from '../support/paths';
import { runFingerprint, seedRunLength, wordRuns } from '../support/seed-runs';

// The seed's runs are kept as hashes (scripts/seed-fingerprint.mjs), so the prose is never copied here.
const fingerprints = new Set<string>(JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/seed-runs.json'), 'utf8')));
const seedDir = join(repoRoot, '..', 'shared', 'seed');

describe('our own words', () => {
  it('has the fingerprint of the seed', () => {
    expect(fingerprints.size).toBeGreaterThan(1000);
  });

  it.skipIf(!existsSync(seedDir))('fingerprint matches the seed document beside the repository', () => {
    const text = readdirSync(seedDir).map((name) => readFileSync(join(seedDir, name), 'utf8')).join('\n');
    expect(new Set(wordRuns(text).map(runFingerprint))).toEqual(fingerprints);
  });

  it('catches a copied run (the check itself works)', () => {
    const copied = [...fingerprints].length > 0 && existsSync(seedDir)
      ? readdirSync(seedDir).map((name) => readFileSync(join(seedDir, name), 'utf8')).join(' ').split(/\s+/).slice(40, 60).join(' ')
      : '';
    if (copied) expect(wordRuns(copied).some((run) => fingerprints.has(runFingerprint(run)))).toBe(true);
    expect(wordRuns('an entirely new sentence that we wrote ourselves for this guide today').some((run) => fingerprints.has(runFingerprint(run)))).toBe(false);
  });

  it.each(builtPages().map((page) => [page.path, page]))(`%s shares no run of ${seedRunLength} words with the seed`, (_path, page) => {
    const text = `${page.document.querySelector('title')?.text ?? ''} ${visibleText(page.document.querySelector('body')!)}`;
    const copied = wordRuns(text).filter((run) => fingerprints.has(runFingerprint(run)));
    expect(copied).toEqual([]);
  });
});
