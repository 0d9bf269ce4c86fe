/** Atom 1.0 (RFC 4287) documents, written by hand: every text is escaped, and nothing is ever HTML. */

export interface AtomEntry {
  /** A permanent IRI: the comment's link. */
  id: string;
  title: string;
  authorName: string;
  /** Milliseconds since the epoch. */
  published: number;
  updated: number;
  link: string;
  /** Plain text, sent as `type="text"`: feed readers show it as text, never as markup. */
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own URL. */
  selfUrl: string;
  /** The web page it follows. */
  pageUrl: string;
  updated: number;
  entries: readonly AtomEntry[];
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF) become U+FFFD, so that a stray one in stored text never makes the whole feed unreadable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A carriage return is written as a reference: XML parsers turn a literal one into a line feed. */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\r]/g, (character) => ENTITY[character] ?? character);
}

const iso = (time: number) => new Date(time).toISOString();

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${xmlEscape(text)}</${name}>`;
}

function entryXml(entry: AtomEntry): string {
  return [
    '  <entry>',
    `    ${element('id', entry.id)}`,
    `    ${element('title', entry.title, ' type="text"')}`,
    `    <author>${element('name', entry.authorName)}</author>`,
    `    ${element('published', iso(entry.published))}`,
    `    ${element('updated', iso(entry.updated))}`,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(entry.link)}"/>`,
    `    ${element('content', entry.content, ' type="text"')}`,
    '  </entry>',
  ].join('\n');
}

export function atomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    `  ${element('subtitle', feed.subtitle, ' type="text"')}`,
    `  ${element('updated', iso(feed.updated))}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>`,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
