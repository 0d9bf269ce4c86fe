import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Guards the editorial pass over the guide's prose: lines that undercut the guide's own rules must not come
// back, and the verbal tics that make prose feel produced stay rare. Quizzes are checked by their own tests.
const root = join(import.meta.dirname, '../..');
const proseDirs = ['content/steps', 'content/pages', 'content/articles'];

/** Reader-facing prose of a source file: MDX as written; the home page without its code, markup and styles. */
function proseOf(file: string): string {
  const source = readFileSync(join(root, file), 'utf8');
  if (!file.endsWith('.astro')) return source;
  return source
    .replace(/^---[\s\S]*?\n---/, ' ')
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/** Lower case, straight apostrophes, one space between words: line breaks and curly quotes can't hide a phrase. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

const pages = [
  ...proseDirs.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => `${dir}/${name}`),
  ),
  'src/pages/index.astro',
].map((file) => ({ file, text: normalised(proseOf(file)) }));

const wordCount = (text: string) => text.split(' ').filter(Boolean).length;

const occurrences = (text: string, pattern: RegExp) => text.split(new RegExp(pattern.source, 'g')).length - 1;

/** Sentences (roughly) that contain a match, so a failure says where to look. */
function sentencesMatching(text: string, pattern: RegExp): string[] {
  return text.split(/(?<=[.?!])\s+/).filter((sentence) => pattern.test(sentence));
}

// Each of these was removed on purpose; the comment says why.
const removedPhrasings: Array<[string, string]> = [
  ['final answer for now', "step 7: contradicts itself; a no is not raised again unless they do"],
  ['without outside opinions', 'step 8: echoes isolation; trusted friends help'],
  ['win back my ex', 'step 1: the guide rejects "winning"'],
  ["won't turn into a fight", 'step 9: counselling sessions can still get heated'],
  ['heard without turning into a fight', 'step 9: a promise about sessions we cannot make'],
  ['most important point', 'signpost that makes prose feel produced'],
  ['open to seeing you', 'steps 4 and 6: the bar for a date is that they want to try again'],
  ['as you start seeing each other more', "step 8: too close to the seed's wording"],
  ['thinking about how things ended', "step 4: an opener that rehashes the breakup breaks the page's own rule"],
  ['rarely lasts', 'step 5: an unsupported claim'],
  ["between us we've seen", 'about: an unsupported claim about the authors'],
];

// ", not X" contrasts and "that's fine/okay" reassurances: each is fine once, as a habit they grate.
const notContrast = /, not /;
const fineOrOkay = /\b(?:that's|that is|it's|it is)(?: completely| totally| perfectly)? (?:fine|okay|ok)\b/;
const perPage = { notContrast: 2, fineOrOkay: 1 };
const perThousandWords = { notContrast: 1, fineOrOkay: 0.5 };

describe('edited prose', () => {
  it('reads every prose page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(18);
    expect(pages.map((page) => page.file)).toContain('content/steps/07-deeper-conversation.mdx');
  });

  it.each(removedPhrasings)('"%s" stays out (%s)', (phrase) => {
    const offenders = pages.filter((page) => page.text.includes(phrase)).map((page) => page.file);
    expect(offenders).toEqual([]);
  });

  it.each(pages.map((page) => [page.file, page]))(
    `%s has at most ${perPage.notContrast} ", not" contrasts and ${perPage.fineOrOkay} "that's fine/okay"`,
    (_file, page) => {
      for (const [pattern, cap] of [[notContrast, perPage.notContrast], [fineOrOkay, perPage.fineOrOkay]] as const) {
        expect(occurrences(page.text, pattern), sentencesMatching(page.text, pattern).join('\n')).toBeLessThanOrEqual(cap);
      }
    },
  );

  it('keeps the tics rare across the whole guide', () => {
    const words = pages.reduce((total, page) => total + wordCount(page.text), 0);
    const count = (pattern: RegExp) => pages.reduce((total, page) => total + occurrences(page.text, pattern), 0);
    expect(count(notContrast)).toBeLessThanOrEqual((words / 1000) * perThousandWords.notContrast);
    expect(count(fineOrOkay)).toBeLessThanOrEqual((words / 1000) * perThousandWords.fineOrOkay);
  });

  it('counts the tics it caps (the checks themselves work)', () => {
    const sample = normalised("That's fine. It’s  okay, not a failure.");
    expect(occurrences(sample, fineOrOkay)).toBe(2);
    expect(sentencesMatching(sample, notContrast)).toEqual(["it's okay, not a failure."]);
    expect(normalised('final answer\n for   now')).toContain('final answer for now');
    expect(proseOf('src/pages/index.astro')).not.toMatch(/<\/?[a-z]/);
  });
});

describe('what the edits put in', () => {
  const text = (file: string) => pages.find((page) => page.file === file)!.text;

  it('says early, on the home page and Before you start, that the reader is not alone', () => {
    expect(text('src/pages/index.astro')).toContain("you're not alone");
    const beforeYouStart = text('content/pages/before-you-start.mdx');
    expect(beforeYouStart.indexOf("you're not alone")).toBeGreaterThan(-1);
    expect(beforeYouStart.indexOf("you're not alone")).toBeLessThan(beforeYouStart.indexOf('## '));
  });

  it('step 7 leaves a no alone unless the ex raises it, and the ask in person offers a no and time', () => {
    const step = text('content/steps/07-deeper-conversation.mdx');
    expect(step).toContain("don't raise it again unless they do");
    expect(step).toContain('you can say no, or think about it and tell me later');
  });

  it('step 8 suggests telling one or two trusted friends', () => {
    expect(text('content/steps/08-new-relationship.mdx')).toContain('tell one or two friends you trust');
  });

  it("steps 4 and 6 set the bar for a date at the ex wanting to try again", () => {
    expect(text('content/steps/04-how-they-feel.mdx')).toContain("they'd like to try again too");
    expect(text('content/steps/06-casual-date.mdx')).toContain("they'd like to try again too");
  });
});
