import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../src/lib/cbor';
import { chunkRanges, chunkWords, splitWords, wordLocations, type IndexWord } from '../../src/lib/search-index-chunks';

const word = (text: string, locationsPerPage: number[]): IndexWord => [text, locationsPerPage.map((count, page) => [page, Array.from({ length: count }, (_, at) => at), []]), []];

describe('CBOR', () => {
  it('encodes canonically: shortest integer heads and definite lengths', () => {
    expect([...encodeCbor([0, 23, 24, 255, 256, 65_536, -1, -25, 'a', []])]).toEqual([
      0x8a, 0x00, 0x17, 0x18, 0x18, 0x18, 0xff, 0x19, 0x01, 0x00, 0x1a, 0x00, 0x01, 0x00, 0x00, 0x20, 0x38, 0x18, 0x61, 0x61, 0x80,
    ]);
  });

  it('decodes what it encodes, to the same bytes again', () => {
    const value: fc.Arbitrary<CborValue> = fc.letrec<{ value: CborValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.maxSafeInteger(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.uint8Array({ maxLength: 8 }),
        fc.array(tie('value'), { maxLength: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(value, (input) => {
        const bytes = encodeCbor(input);
        expect(encodeCbor(decodeCbor(bytes))).toEqual(bytes);
        expect(decodeCbor(bytes)).toEqual(input);
      }),
    );
  });

  it('refuses truncated input and trailing bytes', () => {
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01]))).toThrow(/ends early/);
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x01]))).toThrow(/after the CBOR item/);
  });
});

describe('smaller index chunks', () => {
  const words = [word('apple', [3, 3]), word('apricot', [3]), word('banana', [4]), word('peach', [3])];

  it('counts a word as Pagefind does: one per page plus its locations', () => {
    expect(wordLocations(word('apple', [3, 3]))).toBe(8);
  });

  it('closes a chunk once it reaches the limit, keeping word order', () => {
    const chunks = splitWords(words, 8);
    expect(chunks.map((chunk) => chunk.map(([text]) => text))).toEqual([['apple'], ['apricot', 'banana'], ['peach']]);
    expect(chunks.flat()).toEqual(words);
  });

  it('names ranges by the shortest prefixes that tell neighbouring chunks apart', () => {
    expect(chunkRanges(splitWords(words, 8))).toEqual([
      ['apple', 'app'],
      ['apr', 'b'],
      ['p', 'peach'],
    ]);
  });

  it('reads the words of a chunk and refuses another shape', () => {
    expect(chunkWords(decodeCbor(encodeCbor([words])))).toEqual(words);
    expect(() => chunkWords(['not words'])).toThrow(/index chunk/);
  });
});
