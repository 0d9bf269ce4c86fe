/**
 * The printable guide puts many pages on one, and their ids repeat (every step has "try-this-today"). Each part's
 * HTML gets its own prefix on ids and on what points at them, so ids stay unique and in-page links still land.
 */
const idAttribute = /(\s(?:id|for|aria-labelledby|aria-describedby|aria-controls)=")([^"]+)(")/g;
const fragmentLink = /(\shref="#)([^"]+)(")/g;

export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(idAttribute, (_match, start: string, value: string, end: string) => `${start}${value.split(/\s+/).map((id) => `${prefix}-${id}`).join(' ')}${end}`)
    .replace(fragmentLink, (_match, start: string, id: string, end: string) => `${start}${prefix}-${id}${end}`);
}
