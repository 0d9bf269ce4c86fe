/**
 * What the header's search launcher needs on every page, kept apart from the rest of the search
 * helpers so the launcher stays tiny.
 */

/** The query parameter Pagefind adds to result URLs and pagefind-highlight.js reads on arrival. */
export const highlightParam = 'pagefind-highlight';

/** Keys the shortcut listener needs to know about an event. */
export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  isComposing: boolean;
  /** True when the reader is typing in a field, where "/" is just a character. */
  inEditableField: boolean;
}

/** "/" (outside fields) and Ctrl+K / ⌘K open search. */
export function isSearchShortcut(event: ShortcutEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.inEditableField;
}
