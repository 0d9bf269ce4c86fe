/**
 * A small CBOR (RFC 8949) codec for the shapes Pagefind's index files use: integers, text, bytes, arrays, maps and
 * the simple values. Encoding is canonical (shortest integer heads, definite lengths), which is what Pagefind writes,
 * so decoding a file and encoding it again gives the same bytes.
 */

export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

const textDecoder = new TextDecoder('utf-8', { fatal: true });
const textEncoder = new TextEncoder();

/** Decodes one CBOR item that fills all of `bytes`. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (count: number) => {
    if (at + count > bytes.length) throw new Error(`CBOR ends early at byte ${at}`);
  };
  /** The argument of a head: its value, or -1 for an indefinite length. */
  const argument = (info: number): number => {
    if (info < 24) return info;
    const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (info === 31) return -1;
    if (width === 0) throw new Error(`Unsupported CBOR head ${info} at byte ${at}`);
    need(width);
    const value = width === 1 ? view.getUint8(at) : width === 2 ? view.getUint16(at) : width === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += width;
    return value;
  };
  const item = (): CborValue => {
    need(1);
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20 || info === 21) return info === 21;
      if (info === 22) return null;
      throw new Error(`Unsupported CBOR simple value ${info}`);
    }
    const length = argument(info);
    if (length === -1 && major !== 4) throw new Error('Unsupported indefinite-length CBOR item');
    switch (major) {
      case 0:
        return length;
      case 1:
        return -1 - length;
      case 2:
      case 3: {
        need(length);
        const slice = bytes.subarray(at, at + length);
        at += length;
        return major === 3 ? textDecoder.decode(slice) : slice.slice();
      }
      case 4: {
        const list: CborValue[] = [];
        if (length === -1) {
          while ((need(1), bytes[at]) !== 0xff) list.push(item());
          at += 1;
        } else for (let index = 0; index < length; index++) list.push(item());
        return list;
      }
      case 5: {
        const map = new Map<CborValue, CborValue>();
        for (let index = 0; index < length; index++) map.set(item(), item());
        return map;
      }
      default:
        throw new Error(`Unsupported CBOR major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes after the CBOR item`);
  return value;
}

/** Encodes a value as canonical CBOR. */
export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: number[] = [];
  const head = (major: number, argument: number) => {
    const type = major << 5;
    if (argument < 24) chunks.push(type | argument);
    else if (argument < 0x100) chunks.push(type | 24, argument);
    else if (argument < 0x10000) chunks.push(type | 25, argument >> 8, argument & 0xff);
    else if (argument < 0x100000000) chunks.push(type | 26, (argument >>> 24) & 0xff, (argument >> 16) & 0xff, (argument >> 8) & 0xff, argument & 0xff);
    else {
      const big = BigInt(argument);
      chunks.push(type | 27);
      for (let shift = 56n; shift >= 0n; shift -= 8n) chunks.push(Number((big >> shift) & 0xffn));
    }
  };
  const item = (current: CborValue) => {
    if (current === null) chunks.push(0xf6);
    else if (typeof current === 'boolean') chunks.push(current ? 0xf5 : 0xf4);
    else if (typeof current === 'number') {
      if (!Number.isSafeInteger(current)) throw new Error(`Only integers are supported, not ${current}`);
      if (current >= 0) head(0, current);
      else head(1, -1 - current);
    } else if (typeof current === 'string') {
      const utf8 = textEncoder.encode(current);
      head(3, utf8.length);
      for (const byte of utf8) chunks.push(byte);
    } else if (current instanceof Uint8Array) {
      head(2, current.length);
      for (const byte of current) chunks.push(byte);
    } else if (Array.isArray(current)) {
      head(4, current.length);
      for (const entry of current) item(entry);
    } else {
      head(5, current.size);
      for (const [key, entry] of current) {
        item(key);
        item(entry);
      }
    }
  };
  item(value);
  return Uint8Array.from(chunks);
}
