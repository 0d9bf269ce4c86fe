import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { previewSvg, rasterise, renderPreviewPng } from '../../src/preview-images/og-image';
import { encodeOpaquePng } from '../../src/preview-images/png-encoder';

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  /** RGBA, 4 bytes a pixel, whatever the file's colour type. */
  rgba: Uint8Array;
}

/** Undoes one scanline's filter (all five of PNG's: resvg picks one per line). */
function unfilter(type: number, line: Uint8Array, previous: Uint8Array, bpp: number): void {
  for (let index = 0; index < line.length; index += 1) {
    const left = index >= bpp ? line[index - bpp]! : 0;
    const up = previous[index]!;
    const upLeft = index >= bpp ? previous[index - bpp]! : 0;
    let predictor = 0;
    if (type === 1) predictor = left;
    else if (type === 2) predictor = up;
    else if (type === 3) predictor = (left + up) >> 1;
    else if (type === 4) {
      const estimate = left + up - upLeft;
      const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      predictor = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    } else if (type !== 0) throw new Error(`Unknown filter ${type}`);
    line[index] = (line[index]! + predictor) & 0xff;
  }
}

/** A small PNG decoder for 8-bit palette, RGB and RGBA files, checking the signature and every chunk's CRC. */
function decodePng(png: Uint8Array): Decoded {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
    chunks.push({ type, data });
    offset += 12 + length;
  }
  expect(chunks[0]?.type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const header = chunks[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  const [bitDepth, colourType = Number.NaN, , , interlace] = header.subarray(8);
  expect(bitDepth).toBe(8);
  expect(interlace).toBe(0);
  const channels = colourType === 3 ? 1 : colourType === 2 ? 3 : colourType === 6 ? 4 : Number.NaN;
  const palette = chunks.find(({ type }) => type === 'PLTE')?.data;
  if (colourType === 3) expect(palette?.length, 'a palette of 1 to 256 colours').toSatisfy((length?: number) => !!length && length % 3 === 0 && length <= 768);
  expect(channels, `colour type ${colourType}`).not.toBeNaN();
  const raw = inflateSync(Buffer.concat(chunks.filter(({ type }) => type === 'IDAT').map(({ data }) => data)));
  const stride = width * channels;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    unfilter(raw[y * (stride + 1)]!, line, previous, channels);
    for (let x = 0; x < width; x += 1) {
      // A palette index stands for the three bytes of its colour.
      const colour = palette ? palette.subarray(line[x]! * 3, line[x]! * 3 + 3) : line.subarray(x * channels, x * channels + channels);
      if (palette) expect(line[x]! * 3, 'a palette index within the palette').toBeLessThan(palette.length);
      for (let channel = 0; channel < 4; channel += 1) rgba[(y * width + x) * 4 + channel] = colour[channel] ?? 255;
    }
    previous = line;
  }
  return { width, height, colourType, rgba };
}

const size = { width: 1200, height: 630 };
const job = { card: { eyebrow: 'Step 3 of 9', title: 'Take time apart first' }, siteName: 'Back Together', size };

describe('the PNG encoder', { timeout: 60_000 }, () => {
  test('writes a palette PNG of the given size whose pixels are the ones given', () => {
    const [width, height] = [3, 2];
    const pixels = Uint8Array.from([
      [255, 0, 0, 255], [0, 255, 0, 255], [0, 255, 0, 255],
      [0, 0, 0, 255], [255, 255, 255, 255], [18, 52, 86, 255],
    ].flat());
    const png = encodeOpaquePng(pixels, width, height)!;
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ width, height, colourType: 3 });
    expect([...decoded.rgba]).toEqual([...pixels]);
  });

  test('reads pixels that do not start on a four-byte boundary', () => {
    const pixels = Uint8Array.from([0, 1, 2, 3, 255, 4, 5, 6, 255]).subarray(1);
    expect([...decodePng(encodeOpaquePng(pixels, 2, 1)!).rgba]).toEqual([...pixels]);
  });

  test('writes RGB past 256 colours, pixels unchanged', () => {
    // 300 colours in a row, then the same row again: one more than a palette holds.
    const [width, height] = [300, 2];
    const pixels = new Uint8Array(width * height * 4);
    for (let pixel = 0; pixel < width * height; pixel += 1) pixels.set([pixel % width, (pixel % width) >> 8, 7, 255], pixel * 4);
    const decoded = decodePng(encodeOpaquePng(pixels, width, height)!);
    expect(decoded).toMatchObject({ width, height, colourType: 2 });
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(pixels))).toBe(true);
    // And a palette image again after it: the scanlines of one size are not the other's.
    expect(decodePng(encodeOpaquePng(pixels.subarray(0, 256 * 4), 256, 1)!)).toMatchObject({ colourType: 3 });
  });

  test("leaves pixels that are not opaque to the renderer's own encoder", () => {
    expect(encodeOpaquePng(Uint8Array.from([0, 0, 0, 128]), 1, 1)).toBeUndefined();
  });

  test('refuses pixels that do not match the size', () => {
    expect(() => encodeOpaquePng(new Uint8Array(12), 2, 2)).toThrow(/Expected 16 bytes/);
  });

  test('a preview card is the same, pixel for pixel, as resvg encodes it, and no larger', async () => {
    const image = rasterise(await previewSvg(job), size);
    const ours = await renderPreviewPng(job);
    const theirs = image.asPng();
    const [decodedOurs, decodedTheirs] = [decodePng(ours), decodePng(theirs)];
    expect(decodedOurs).toMatchObject({ ...size, colourType: 3 });
    expect([decodedTheirs.width, decodedTheirs.height]).toEqual([size.width, size.height]);
    expect(Buffer.from(decodedOurs.rgba).equals(Buffer.from(decodedTheirs.rgba))).toBe(true);
    // Some pixels we know: the accent bar at the left edge, the page colour at the right.
    const pixel = (x: number, y: number) => [...decodedOurs.rgba.subarray((y * size.width + x) * 4, (y * size.width + x) * 4 + 4)];
    expect(pixel(0, 0)).toEqual([0x8a, 0x3b, 0x12, 255]);
    expect(pixel(23, 629)).toEqual([0x8a, 0x3b, 0x12, 255]);
    expect(pixel(1199, 315)).toEqual([0xf3, 0xf0, 0xea, 255]);
    expect(ours.length).toBeLessThanOrEqual(theirs.length);
  });
});
