import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { PreviewCard } from '../lib/share';

// This module runs inside a worker thread under Node's own TypeScript loader (src/preview-images/preview-image-worker.ts),
// so it imports packages and types only: no project modules, which that loader could not resolve.

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

/** Long titles step down in size so they always fit in three lines. */
const titleSize = (title: string) => (title.length > 60 ? 64 : title.length > 34 ? 76 : 88);

function cardLayout({ card, siteName, size }: PreviewImageJob): CardNode {
  return node(
    'div',
    {
      display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: size.width, height: size.height,
      padding: '72px 88px 64px 80px', background: colours.soft, borderLeft: `24px solid ${colours.accent}`,
      fontFamily: 'Atkinson Hyperlegible', boxSizing: 'border-box',
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
  );
}

/** Renders a preview card as PNG with local fonts only. */
export async function renderPreviewPng(job: PreviewImageJob): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(cardLayout(job) as unknown as Parameters<typeof satori>[0], { ...job.size, fonts: loadFonts() });
  // Satori draws every glyph as a path, so resvg needs no fonts: loading the system's fonts for each image cost about
  // as much as drawing it (a font-directory scan per image, most of it system time).
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: job.size.width }, font: { loadSystemFonts: false } });
  return Uint8Array.from(resvg.render().asPng());
}
