import { describe, expect, it } from 'vitest';
import { createHeadingSlugger, headingAnchorWrapper, headingSlug, pagePathForContentFile, sectionUrl } from '../../src/lib/heading-anchors';

describe('heading anchors', () => {
  it('slugs headings the way github-slugger does (Astro’s heading ids)', () => {
    expect(headingSlug('Why time apart helps')).toBe('why-time-apart-helps');
    expect(headingSlug('After the month: looking at what’s left')).toBe('after-the-month-looking-at-whats-left');
    expect(headingSlug('You’re ready to move on when…')).toBe('youre-ready-to-move-on-when');
    expect(headingSlug("Don't  panic")).toBe('dont--panic');
    expect(headingSlug('Café & crème')).toBe('café--crème');
    expect(headingSlug('100% sure! 🎉')).toBe('100-sure-');
    expect(headingSlug('under_score and-dash')).toBe('under_score-and-dash');
  });

  it('numbers repeated headings within a document', () => {
    const slug = createHeadingSlugger();
    expect(['Try this', 'Try this', 'Try this', 'a', 'a', 'a-1'].map(slug)).toEqual(['try-this', 'try-this-1', 'try-this-2', 'a', 'a-1', 'a-1-1']);
    expect(createHeadingSlugger()('Try this')).toBe('try-this');
  });

  it('finds the page a content file renders to', () => {
    expect(pagePathForContentFile('/repo/content/steps/03-take-time.mdx')).toBe('/steps/take-time/');
    expect(pagePathForContentFile('C:\\repo\\content\\articles\\no-contact.md')).toBe('/articles/no-contact/');
    expect(pagePathForContentFile('/repo/content/pages/about.mdx')).toBe('/about/');
    expect(pagePathForContentFile('/repo/src/pages/notes.md')).toBeUndefined();
  });

  it('links a section by its canonical URL, or by fragment when the page is unknown', () => {
    expect(sectionUrl('https://example.org/', '/steps/take-time/', 'why')).toBe('https://example.org/steps/take-time/#why');
    expect(sectionUrl('https://example.org', undefined, 'why')).toBe('#why');
  });

  it('puts the anchor beside the heading, hidden from search and with a name for screen readers', () => {
    const wrapper = headingAnchorWrapper('h2', ' Why time apart helps ', 'https://example.org/a/#why');
    expect(wrapper.properties['className']).toEqual(['heading-wrapper', 'heading-wrapper-h2']);
    const [anchor] = wrapper.children;
    expect(anchor).toMatchObject({ tagName: 'a', properties: { href: 'https://example.org/a/#why', dataPagefindIgnore: true } });
    const texts = JSON.stringify(anchor);
    expect(texts).toContain('Link to the section “Why time apart helps”');
  });
});
