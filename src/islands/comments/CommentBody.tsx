/** A comment's text as DOM nodes: paragraphs, line breaks and http(s) links, with nothing else interpreted. */
import { Fragment } from 'preact';
import { COMMENT_LINK_REL, paragraphsOf } from '../../lib/comments/text.ts';

export default function CommentBody({ text }: { text: string }) {
  return (
    // dir="auto": each comment takes its own direction, isolated from the page and from other comments.
    <div class="comment-body" dir="auto">
      {paragraphsOf(text).map((lines) => (
        <p>
          {lines.map((segments, lineIndex) => (
            <Fragment>
              {lineIndex > 0 && <br />}
              {segments.map((segment) =>
                segment.kind === 'link' ? (
                  <a href={segment.href} rel={COMMENT_LINK_REL}>
                    {segment.text}
                  </a>
                ) : (
                  segment.text
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
