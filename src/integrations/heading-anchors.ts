import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  anchoredHeadings,
  createHeadingSlugger,
  headingAnchorWrapper,
  pagePathForContentFile,
  sectionUrl,
  type HastElement,
} from '../lib/heading-anchors';

/** The parts of Sätteri's hast plugin API this plugin uses (the package is Astro's, not ours). */
interface HastContext {
  readonly fileURL: URL | undefined;
  textContent(node: HastElement): string;
  setProperty(node: HastElement, key: string, value: unknown): void;
  wrapNode(node: HastElement, wrapper: HastElement): void;
}

interface HastPlugin {
  name: string;
  element: { filter: string[]; visit(node: HastElement, ctx: HastContext): void };
}

/**
 * One plugin instance per document. It runs before Astro's own heading-id plugin, so it sets
 * every heading's id itself (Astro keeps an existing id): the anchor's href and the id agree.
 */
function headingAnchorsPlugin(siteUrl: string | undefined) {
  return ({ fileURL }: { fileURL: URL | undefined }): HastPlugin => {
    const slug = createHeadingSlugger();
    const pagePath = fileURL ? pagePathForContentFile(fileURLToPath(fileURL)) : undefined;
    return {
      name: 'back-together:heading-anchors',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const existingId = node.properties?.['id'];
          const id = typeof existingId === 'string' ? existingId : slug(text);
          if (typeof existingId !== 'string') ctx.setProperty(node, 'id', id);
          if ((anchoredHeadings as readonly string[]).includes(node.tagName)) {
            ctx.wrapNode(node, headingAnchorWrapper(node.tagName, text, sectionUrl(siteUrl, pagePath, id)));
          }
        },
      },
    };
  };
}

/**
 * Adds a section link beside every h2/h3 in Markdown and MDX content. Astro 7 renders Markdown
 * with Sätteri, whose hast plugins are registered on the processor's options.
 */
export default function headingAnchors(): AstroIntegration {
  return {
    name: 'back-together:heading-anchors',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown.processor as { name: string; options: { hastPlugins?: unknown[] } };
        if (processor.name !== 'satteri' || !Array.isArray(processor.options.hastPlugins)) {
          logger.warn(`Markdown processor "${processor.name}" is not Sätteri: headings get no section links.`);
          return;
        }
        processor.options.hastPlugins.push(headingAnchorsPlugin(config.site?.replace(/\/+$/, '')));
      },
    },
  };
}
