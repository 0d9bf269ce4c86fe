/**
 * Text as readers see it: grapheme clusters (what the eye counts as one character), which of them show anything,
 * and the invisible or direction-changing characters that let a name pass for another.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme clusters in `text`: "é" (e + U+0301), "👩‍💻" and "🇳🇿" count one each. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function graphemeCount(text: string): number {
  let count = 0;
  for (const _part of segmenter.segment(text)) count += 1;
  return count;
}

/** Characters that draw nothing of their own: spaces, combining marks, format and default-ignorable characters. */
const DRAWS_NOTHING = /[\s\p{M}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Grapheme clusters that show something: not blank, not only marks or zero-width characters. */
export function visibleCount(text: string): number {
  return graphemes(text).filter((part) => part.replace(DRAWS_NOTHING, '') !== '').length;
}

/**
 * Most combining marks one base character may carry. Real writing needs one or two (Vietnamese, Hebrew points,
 * Indic vowel signs); a pile of them draws a column of ink over everything around it.
 */
export const MARKS_PER_CHARACTER_MAX = 3;

/** The longest run of combining marks in `text`. */
export function longestMarkRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/\p{M}+/gu)) longest = Math.max(longest, [...run[0]].length);
  return longest;
}

/** Emoji sequences (👩‍💻, 🏴 with tags) need zero-width joiners and tag characters, which are format characters. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/**
 * Format and default-ignorable characters: bidi controls (U+202E turns "nimdA" into "Admin"), zero-width spaces
 * and joiners, soft hyphens, fillers. Variation selectors (which pick a glyph) are allowed.
 */
const HIDDEN_OR_BIDI = /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** True when a name holds a character that hides, or changes the direction of, the text around it. */
export function hasHiddenCharacters(name: string): boolean {
  return graphemes(name).some((part) => !EMOJI.test(part) && HIDDEN_OR_BIDI.test(part));
}
