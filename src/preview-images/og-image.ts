import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodeOpaquePng } from './png-encoder.ts';
import type { PreviewCard } from '../lib/share';

// This module runs inside a worker thread under Node's own TypeScript loader (src/preview-images/preview-image-worker.ts),
// so it imports packages, types and its own folder's files (named with `.ts`): no other project modules, which that
// loader could not resolve.

/** What a preview image shows: the card, the site's name under it, and the image size. */
export interface PreviewImageJob {
  card: PreviewCard;
  siteName: string;
  size: { width: number; height: number };
}

/** Colours of the light theme (src/styles/global.css), so previews look like the site. */
const colours = { soft: '#f3f0ea', text: '#1f2328', accent: '#8a3b12' };

const require = createRequire(import.meta.url);
/** Atkinson Hyperlegible from node_modules: satori reads WOFF (not WOFF2), and the build never touches the network. */
const fontFile = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
const loadFonts = () =>
  (fonts ??= [
    { name: 'Atkinson Hyperlegible', data: fontFile(400), weight: 400, style: 'normal' },
    { name: 'Atkinson Hyperlegible', data: fontFile(700), weight: 700, style: 'normal' },
  ]);

/** A satori element: the plain-object form of JSX, so this file needs no JSX runtime. */
interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}
const node = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode => ({
  type,
  props: { style, ...(children !== undefined && { children }) },
});

/** The accent bar down the left edge, in pixels. */
const accentBarWidth = 24;

/** Long titles step down in size so they always fit in three lines. */
const titleSize = (title: string) => (title.length > 60 ? 64 : title.length > 34 ? 76 : 88);

function cardLayout({ card, siteName, size }: PreviewImageJob): CardNode {
  // The accent bar is a box of its own rather than a left border: satori draws a border through three clip paths, each
  // a full-size mask for resvg, which made the image a third slower to draw (the pixels are the same).
  return node('div', { display: 'flex', width: size.width, height: size.height, background: colours.soft, fontFamily: 'Atkinson Hyperlegible' }, [
    node('div', { width: accentBarWidth, height: size.height, background: colours.accent }),
    node(
      'div',
      {
        display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: size.width - accentBarWidth, height: size.height,
        padding: '72px 88px 64px 80px', boxSizing: 'border-box',
      },
      [
        node('div', { display: 'flex', flexDirection: 'column' }, [
          ...(card.eyebrow ? [node('div', { fontSize: 40, fontWeight: 700, color: colours.accent, marginBottom: 20 }, card.eyebrow)] : []),
          node('div', { fontSize: titleSize(card.title), fontWeight: 700, color: colours.text, lineHeight: 1.12 }, card.title),
        ]),
        node('div', { display: 'flex', alignItems: 'center', fontSize: 40, color: colours.text, fontWeight: 700 }, [
          node('div', { width: 28, height: 28, borderRadius: 14, background: colours.accent, marginRight: 18 }),
          node('div', {}, siteName),
        ]),
      ],
    ),
  ]);
}

/** The card as SVG, every glyph drawn as a path. */
export async function previewSvg(job: PreviewImageJob): Promise<string> {
  return satori(cardLayout(job) as unknown as Parameters<typeof satori>[0], { ...job.size, fonts: loadFonts() });
}

/** Draws SVG at the image's size. */
export function rasterise(svg: string, size: PreviewImageJob['size']) {
  // Satori draws every glyph as a path, so resvg needs no fonts: loading the system's fonts for each image cost about
  // as much as drawing it (a font-directory scan per image, most of it system time).
  return new Resvg(svg, { fitTo: { mode: 'width', value: size.width }, font: { loadSystemFonts: false } }).render();
}

/** Renders a preview card as PNG with local fonts only. */
export async function renderPreviewPng(job: PreviewImageJob): Promise<Uint8Array<ArrayBuffer>> {
  const image = rasterise(await previewSvg(job), job.size);
  // Our encoder for the opaque card (resvg's took as long as drawing); resvg's own if anything is see-through.
  return encodeOpaquePng(image.pixels, image.width, image.height) ?? Uint8Array.from(image.asPng());
}
