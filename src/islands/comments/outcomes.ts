/** What the thread says after the reader posts, edits or reports a comment. */
import type { PublicComment } from '../../lib/comments/api-types.ts';
import type { ApiResult } from '../../stores/api.ts';

const PENDING_NOTE = 'Your comment is awaiting approval: only you can see it until the site owner approves it.';

/** The confirmation for a posted or saved comment; a comment that waits for approval says so. */
export function successFor(comment: PublicComment, verb: 'posted' | 'saved'): string {
  return comment.status === 'pending' ? PENDING_NOTE : `Your comment is ${verb}.`;
}

/** A form's outcome: the API's answer, and the confirmation to show when it succeeded. */
export function submitted(result: ApiResult<{ comment: PublicComment }>, verb: 'posted' | 'saved'): { result: ApiResult<unknown>; success: string } {
  return { result, success: result.ok ? successFor(result.body.comment, verb) : '' };
}

/** What the thread says beside a comment once the reader reported it, or why the report did not go. */
export function reported(result: ApiResult<unknown>): string {
  return result.ok ? 'Thank you. The site owner will take a look.' : result.failure.message;
}
