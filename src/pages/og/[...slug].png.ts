import type { APIRoute, GetStaticPaths } from 'astro';
import { preparePreviewImages, previewImageCacheKey, previewImagePng } from '../../preview-images/preview-images';
import { previewImages } from '../../queries/share-pages';
import type { PreviewCard } from '../../lib/share';

/** Preview images, rendered at build time (kept between builds): /og/default.png, /og/steps/<slug>.png … */
export const getStaticPaths = (async () => {
  const images = await previewImages();
  // A build collects every route's paths before it renders any page: the images draw in workers while pages render.
  if (import.meta.env.PROD) preparePreviewImages(images.map(({ card }) => card));
  return images.map(({ imagePath, card }) => ({
    params: { slug: imagePath.replace(/^\/og\//, '').replace(/\.png$/, '') },
    props: { card },
    // A rebuild copies the last build's image when the card and the renderer are the same (astro.config.mjs).
    cacheKey: previewImageCacheKey(card),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: PreviewCard }> = async ({ props }) =>
  new Response(await previewImagePng(props.card), { headers: { 'Content-Type': 'image/png' } });
