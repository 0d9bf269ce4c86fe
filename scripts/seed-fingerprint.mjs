// Writes tests/fixtures/seed-runs.json: hashes of every 9-word run of the seed document, so the
// "our own words" test runs anywhere without the seed itself. Run after the seed changes:
//   node --experimental-strip-types scripts/seed-fingerprint.mjs ../shared/seed
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runFingerprint, wordRuns } from '../tests/support/seed-runs.ts';

const seedDir = resolve(process.argv[2] ?? '../shared/seed');
const text = readdirSync(seedDir).map((name) => readFileSync(join(seedDir, name), 'utf8')).join('\n');
const fingerprints = [...new Set(wordRuns(text).map(runFingerprint))].sort();
writeFileSync(new URL('../tests/fixtures/seed-runs.json', import.meta.url), `${JSON.stringify(fingerprints)}\n`);
console.log(`${fingerprints.length} runs fingerprinted from ${seedDir}`);
