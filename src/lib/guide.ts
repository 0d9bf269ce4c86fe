/** Where the guide's pages live and in what order a reader walks through them. */

export interface GuideLink {
  /** Site path with a trailing slash, e.g. /steps/take-time/ */
  href: string;
  title: string;
  /** Short label for navigation. */
  navTitle: string;
  /** Step number, for steps only. */
  step?: number;
}

export interface StepSource {
  id: string;
  data: { step: number; title: string; navTitle: string };
}

/** Path of a step page. */
export const stepPath = (stepSlug: string): string => `/steps/${stepSlug}/`;
/** Path of a supporting article. */
export const articlePath = (articleSlug: string): string => `/articles/${articleSlug}/`;
/** Path of a standalone page (before-you-start, about …). */
export const pagePath = (pageSlug: string): string => `/${pageSlug}/`;

// The paths on their own too, so a script that needs only them (a quiz's result link) does not carry the titles.
const beforeYouStartPath = pagePath('before-you-start');
const wayOutPath = pagePath('if-it-doesnt-work-out');

export const beforeYouStart: GuideLink = {
  href: beforeYouStartPath,
  title: 'Before you start',
  navTitle: 'Before you start',
};
export const ifItDoesntWorkOut: GuideLink = {
  href: wayOutPath,
  title: "If it doesn't work out",
  navTitle: "If it doesn't work out",
};

/** Steps sorted by number; throws when numbers are missing or repeated, since the guide has exactly 1…n. */
export function orderedSteps<T extends StepSource>(steps: readonly T[]): T[] {
  const sorted = [...steps].sort((a, b) => a.data.step - b.data.step);
  sorted.forEach((entry, index) => {
    if (entry.data.step !== index + 1) {
      throw new Error(`Step numbers must run 1…${sorted.length} without gaps: "${entry.id}" has ${entry.data.step}, expected ${index + 1}`);
    }
  });
  return sorted;
}

/** Navigation entries for the steps, in order. */
export function stepLinks(steps: readonly StepSource[]): GuideLink[] {
  return orderedSteps(steps).map((entry) => ({
    href: stepPath(entry.id),
    title: entry.data.title,
    navTitle: entry.data.navTitle,
    step: entry.data.step,
  }));
}

/** The reading order: before you start, the steps, then the way out. */
export function guideSequence(steps: readonly StepSource[]): GuideLink[] {
  return [beforeYouStart, ...stepLinks(steps), ifItDoesntWorkOut];
}

/** Previous and next pages in the reading order; undefined at either end or off the sequence. */
export function prevNextFor(sequence: readonly GuideLink[], currentHref: string): { prev?: GuideLink; next?: GuideLink } {
  const index = sequence.findIndex((link) => link.href === currentHref);
  if (index === -1) return {};
  const prev = sequence[index - 1];
  const next = sequence[index + 1];
  return { ...(prev && { prev }), ...(next && { next }) };
}

/** Words per minute for an unhurried reader on a phone. */
const wordsPerMinute = 200;

/** Whole minutes to read a text, at least one. */
export function readingMinutes(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Plain text of an MDX/Markdown body: drops code, tags, link targets and Markdown marks. */
export function plainTextOfMarkdown(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Plain text of rendered HTML: drops tags, and heading anchors (each a link marked data-pagefind-ignore, whose "#" and
 * "Link to the section …" are for screen readers and search, not reading time).
 */
export function plainTextOfHtml(html: string): string {
  return html
    .replace(/<a\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/a>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words of a content entry a reader reads. Articles keep no Markdown source in the content store
 * (src/content.config.ts), so theirs come from the HTML rendered at load; an MDX article has neither, and its file is
 * read (`readSource`), frontmatter left out.
 */
export function readingText(entry: { body?: string | undefined; rendered?: { html: string } | undefined }, readSource: () => string): string {
  if (entry.body !== undefined) return plainTextOfMarkdown(entry.body);
  if (entry.rendered) return plainTextOfHtml(entry.rendered.html);
  return plainTextOfMarkdown(readSource().replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, ''));
}

/** Quizzes that belong to a page rather than a step (their id is not a step slug). */
const quizPages: Record<string, string> = {
  readiness: beforeYouStartPath,
  'if-it-doesnt-work-out': wayOutPath,
};

/** The page a quiz sits on: the readiness check on "Before you start", step quizzes on their step. */
export function quizPagePath(quizId: string): string {
  return quizPages[quizId] ?? stepPath(quizId);
}

/** Shareable page for one result band of a quiz; it never carries the reader's answers. */
export function quizResultPath(quizId: string, bandId: string): string {
  return `${quizPagePath(quizId)}result/${bandId}/`;
}

/**
 * The quiz a page shows: the one its MDX places (`<Quiz id="…" />`, `inBody`), else `named`, the one its frontmatter
 * gives, which the route places after the article. A page has at most one (the layout keeps room for its result).
 */
export function pageQuiz(body: string | undefined, named: string | undefined): { id: string | undefined; inBody: boolean } {
  const placed = [...(body ?? '').matchAll(/<Quiz\b[^>]*?\bid=["']([^"']+)["']/g)].map((match) => match[1]!);
  if (placed.length > 1) throw new Error(`A page shows one quiz; this one places ${placed.join(', ')}`);
  return placed.length === 1 ? { id: placed[0], inBody: true } : { id: named, inBody: false };
}
