/**
 * Makes Pagefind's bundle cheaper to download, after Pagefind has written it:
 * - Smaller word-index chunks (src/lib/search-index-chunks.ts), so a one-word search fetches a few KB of index
 *   instead of a quarter of all of it.
 * - Every Pagefind data file (wasm, metadata, index, filters, fragments) stored as its plain payload. Pagefind
 *   gzips them itself and reads either form; stored plain, the build's brotli copies (src/integrations/precompress.ts)
 *   are served instead, about 15% smaller than Pagefind's gzip.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from '../lib/cbor';
import { chunkRanges, chunkWords, splitWords } from '../lib/search-index-chunks';

/** Every Pagefind data file starts with this, once decompressed. */
const signature = Buffer.from('pagefind_dcd');
/** Word locations per index chunk: about 6 KB of brotli each (Pagefind's own chunks hold 20,000). */
export const chunkLocations = 4_000;
/** Pagefind data files, by suffix (pagefind.js and the other scripts are plain already). */
const dataFile = /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/;

/** The payload of a Pagefind data file, from either its gzip or its plain form. */
export function readPagefindFile(file: string): Buffer {
  const stored = readFileSync(file);
  const plain = stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;
  if (!plain.subarray(0, signature.length).equals(signature)) throw new Error(`${file} is not a Pagefind file`);
  return plain.subarray(signature.length);
}

const writePagefindFile = (file: string, payload: Uint8Array) => writeFileSync(file, Buffer.concat([signature, payload]));

/** A content name in Pagefind's style (`en_1a2b3c4`), lengthened if it would clash with one already taken. */
function contentName(prefix: string, bytes: Uint8Array, taken: Set<string>): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  let length = 7;
  while (taken.has(`${prefix}_${hash.slice(0, length)}`)) length++;
  const name = `${prefix}_${hash.slice(0, length)}`;
  taken.add(name);
  return name;
}

interface EntryFile {
  languages: Record<string, { hash: string }>;
}

/** Re-splits one language's word index into smaller chunks and renames its metadata after its new content. */
function rechunkLanguage(outputPath: string, entry: EntryFile, language: string): number {
  const metaName = entry.languages[language]!.hash;
  const metaFile = join(outputPath, `pagefind.${metaName}.pf_meta`);
  const meta = decodeCbor(readPagefindFile(metaFile));
  const oldChunks = Array.isArray(meta) ? meta[2] : undefined;
  if (!Array.isArray(meta) || !Array.isArray(oldChunks)) throw new Error(`${metaFile}: unexpected metadata shape`);
  const oldNames = oldChunks.map((chunk) => (Array.isArray(chunk) ? String(chunk[2]) : ''));
  const words = oldNames.flatMap((name) => chunkWords(decodeCbor(readPagefindFile(join(outputPath, 'index', `${name}.pf_index`)))));
  for (const name of oldNames) rmSync(join(outputPath, 'index', `${name}.pf_index`));
  const chunks = splitWords(words, chunkLocations);
  const taken = new Set<string>();
  const ranges = chunkRanges(chunks);
  meta[2] = chunks.map((chunk, index): CborValue => {
    const bytes = encodeCbor([chunk]);
    const name = contentName(language, bytes, taken);
    writePagefindFile(join(outputPath, 'index', `${name}.pf_index`), bytes);
    return [...ranges[index]!, name];
  });
  const metaBytes = encodeCbor(meta);
  // The metadata's name is its cache key, so it changes with its content.
  const newMetaName = `${language}_${createHash('sha256').update(metaBytes).digest('hex').slice(0, 13)}`;
  rmSync(metaFile);
  writePagefindFile(join(outputPath, `pagefind.${newMetaName}.pf_meta`), metaBytes);
  entry.languages[language]!.hash = newMetaName;
  return chunks.length;
}

/** Stores every remaining gzip data file of the bundle as its plain payload (written beside, then renamed). */
function storePlain(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) storePlain(file);
    else if (dataFile.test(entry.name) && readFileSync(file).subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))) {
      writePagefindFile(`${file}.tmp`, readPagefindFile(file));
      renameSync(`${file}.tmp`, file);
    }
  }
}

/** Rewrites the bundle Pagefind wrote at `outputPath`; returns how many index chunks it now has. */
export function tuneSearchBundle(outputPath: string): number {
  const entryFile = join(outputPath, 'pagefind-entry.json');
  if (!existsSync(entryFile)) throw new Error(`No Pagefind bundle at ${outputPath}`);
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as EntryFile;
  let chunks = 0;
  for (const language of Object.keys(entry.languages)) chunks += rechunkLanguage(outputPath, entry, language);
  writeFileSync(entryFile, JSON.stringify(entry));
  storePlain(outputPath);
  return chunks;
}
