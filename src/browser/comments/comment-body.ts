/** A comment's text and time as DOM nodes: paragraphs, line breaks and http(s) links, with nothing else interpreted. */
import { exactTime, relativeTime } from '../../lib/comments/relative-time.ts';
import { COMMENT_LINK_REL, paragraphsOf } from '../../lib/comments/text.ts';
import { h } from '../dom.ts';

export function commentBody(text: string): HTMLDivElement {
  // dir="auto": each comment takes its own direction, isolated from the page and from other comments.
  const body = h('div', { class: 'comment-body', dir: 'auto' });
  for (const lines of paragraphsOf(text)) {
    const paragraph = h('p');
    lines.forEach((segments, index) => {
      if (index > 0) paragraph.append(h('br'));
      for (const segment of segments) {
        paragraph.append(segment.kind === 'link' ? h('a', { href: segment.href, rel: COMMENT_LINK_REL }, segment.text) : segment.text);
      }
    });
    body.append(paragraph);
  }
  return body;
}

/** A moment as "3 minutes ago", with the exact time on hover and in the markup. */
export function timeAgo(iso: string, now: number): HTMLTimeElement {
  const time = Date.parse(iso);
  return h('time', { datetime: iso, title: exactTime(time) }, relativeTime(time, now));
}
