import type { APIRoute, GetStaticPaths } from 'astro';
import { renderPreviewPng } from '../../build/og-image';
import { previewImages } from '../../build/share-pages';
import type { PreviewCard } from '../../lib/share';

/** Preview images, rendered once at build time: /og/default.png, /og/steps/<slug>.png, /og/steps/<slug>/result/<band>.png … */
export const getStaticPaths = (async () =>
  (await previewImages()).map(({ imagePath, card }) => ({
    params: { slug: imagePath.replace(/^\/og\//, '').replace(/\.png$/, '') },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: PreviewCard }> = async ({ props }) =>
  new Response(await renderPreviewPng(props.card), { headers: { 'Content-Type': 'image/png' } });
