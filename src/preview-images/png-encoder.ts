import { constants, crc32, deflateSync } from 'node:zlib';

// A minimal PNG encoder for the preview images. resvg's own encoder (asPng) took as long as drawing the image: it
// tries every scanline filter at its best compression. A card is flat colour and anti-aliased text in a few dozen
// shades, so its pixels fit a palette of at most 256 colours: one byte a pixel instead of three, which deflates in a
// fraction of the time to a far smaller file. Imports node: modules only, since it runs in the render worker under
// Node's own TypeScript loader.

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * How the scanlines are deflated. Measured on cards of one and three lines (57 colours each): as palette indices,
 * run-length matching (Z_RLE: repeats of the previous byte only) takes 0.4–0.7 ms for 11.7–20.9 KB, where the default
 * strategy at level 4 took 1.5–1.9 ms for 12.5–21.3 KB (an index repeats its neighbour; longer matches are rare). RGB
 * past 256 colours keeps the default strategy at level 4: about a third of the time of resvg's encoder, a quarter
 * fewer bytes. No scanline filter either way: a palette index is not a value to predict, and a card is mostly flat.
 */
const PALETTE_DEFLATE = { level: 4, strategy: constants.Z_RLE };
const RGB_DEFLATE = { level: 4 };

/** Colour types of the IHDR chunk. */
const RGB = 2;
const PALETTE = 3;

/** One chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** Scanlines of the last image, by size (every filter byte stays 0: each row is rewritten whole). */
const scratch = new Map<number, Buffer>();
/** A buffer for `bytes` bytes of scanlines: one per size for every image, since a fresh 2 MB buffer per image cost as much in page faults as filling it. */
function scanlines(bytes: number): Buffer {
  let buffer = scratch.get(bytes);
  if (!buffer) scratch.set(bytes, (buffer = Buffer.alloc(bytes)));
  return buffer;
}

/** True when every pixel of RGBA `pixels` has full alpha. */
function isOpaque(pixels: Uint8Array): boolean {
  for (let index = 3; index < pixels.length; index += 4) if (pixels[index] !== 255) return false;
  return true;
}

/**
 * The image as palette indices (a filter byte of 0 before each row) and its palette; 'translucent' at the first pixel
 * that is not fully opaque, 'too many colours' past 256.
 */
function toPalette(pixels: Uint8Array, width: number, height: number): { raw: Buffer; palette: Buffer } | 'translucent' | 'too many colours' {
  // A pixel as one number, compared whole; its palette entry is copied from the pixel's own bytes, whatever the byte order.
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : pixels.slice();
  const colours = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const raw = scanlines((width + 1) * height);
  const indexOf = new Map<number, number>();
  const palette = Buffer.alloc(256 * 3);
  for (let y = 0; y < height; y += 1) {
    const rowStart = y * width;
    const rowEnd = rowStart + width;
    // Pixel i of the image is byte i + shift of the scanlines, after the row's filter byte.
    const shift = y + 1;
    // Runs of one colour are long (the page, the accent bar, the inside of a letter), so each run is written at once.
    for (let pixel = rowStart; pixel < rowEnd; ) {
      const colour = colours[pixel]!;
      // Alpha is part of the number, so one pixel of a run stands for all of it.
      if (aligned[pixel * 4 + 3] !== 255) return 'translucent';
      let runEnd = pixel + 1;
      while (runEnd < rowEnd && colours[runEnd] === colour) runEnd += 1;
      let index = indexOf.get(colour);
      if (index === undefined) {
        if (indexOf.size === 256) return 'too many colours';
        index = indexOf.size;
        indexOf.set(colour, index);
        palette.set(aligned.subarray(pixel * 4, pixel * 4 + 3), index * 3);
      }
      raw.fill(index, pixel + shift, runEnd + shift);
      pixel = runEnd;
    }
  }
  return { raw, palette: palette.subarray(0, indexOf.size * 3) };
}

/** The image as RGB scanlines (a filter byte of 0 before each row). */
function toRgb(pixels: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = scanlines(stride * height);
  for (let y = 0; y < height; y += 1) {
    let out = y * stride + 1;
    for (let from = y * width * 4, end = from + width * 4; from < end; from += 4) {
      raw[out] = pixels[from]!;
      raw[out + 1] = pixels[from + 1]!;
      raw[out + 2] = pixels[from + 2]!;
      out += 3;
    }
  }
  return raw;
}

/**
 * Encodes 8-bit RGBA pixels (rows top to bottom) as a palette PNG, or an RGB one past 256 colours, every scanline with
 * filter 0 (none). Undefined when a pixel is not fully opaque: a renderer's pixels are then premultiplied, and the
 * caller should use its own encoder.
 */
export function encodeOpaquePng(pixels: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new Error(`Bad PNG size ${width}×${height}`);
  if (pixels.length !== width * height * 4) throw new Error(`Expected ${width * height * 4} bytes of RGBA pixels, got ${pixels.length}`);
  const indexed = toPalette(pixels, width, height);
  if (indexed === 'translucent' || (indexed === 'too many colours' && !isOpaque(pixels))) return undefined;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // Bit depth 8, the colour type, deflate, filter method 0, no interlace.
  const palette = typeof indexed === 'object' ? indexed : undefined;
  header.set([8, palette ? PALETTE : RGB, 0, 0, 0], 8);
  const png = Buffer.concat([
    signature,
    chunk('IHDR', header),
    ...(palette ? [chunk('PLTE', palette.palette)] : []),
    chunk('IDAT', palette ? deflateSync(palette.raw, PALETTE_DEFLATE) : deflateSync(toRgb(pixels, width, height), RGB_DEFLATE)),
    chunk('IEND', new Uint8Array(0)),
  ]);
  // A copy that owns its whole ArrayBuffer, so it can be transferred out of the worker (the typed-array constructor
  // copies at once; Uint8Array.from went byte by byte).
  return new Uint8Array(png);
}
