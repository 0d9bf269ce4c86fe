/** The loaded thread: the order switch and the list of comments, with relative times that stay true. */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { PublicComment } from '../../lib/comments/api-types.ts';
import type { ThreadSort } from '../../lib/comments/cursor.ts';
import { ownKeys, type Thread } from '../../stores/comments.ts';
import { CommentItem } from './CommentItem.tsx';

/** The current time, moving on every 30 s so relative times stay true while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ThreadView({ thread, comments, sort }: { thread: Thread; comments: PublicComment[]; sort: ThreadSort }) {
  const now = useNow();
  const keys = useStore(ownKeys);
  if (comments.length === 0) return null;
  return (
    <>
      <div class="comments-sort">
        <label for="comments-sort">Order</label>
        <select id="comments-sort" value={sort} onChange={(event) => void thread.load(event.currentTarget.value as ThreadSort)}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </select>
      </div>
      <ol class="comment-list">
        {comments.map((comment) => (
          <CommentItem key={comment.id} thread={thread} comment={comment} now={now} keys={keys} />
        ))}
      </ol>
    </>
  );
}
