/** Matching an API request to its handler: one table of path patterns and methods, the same errors everywhere. */
import { HttpError } from './respond.ts';

/** What the comments and contact APIs say about a path that is not valid percent-encoding. */
export const MALFORMED_PATH = 'The address has a malformed percent-encoding (such as %E0%A4%A).';

/** A path pattern (its captured groups are the parameters) and the handler of each method. */
export interface Route<H> {
  pattern: RegExp;
  methods: Record<string, H>;
}

/**
 * The handler for `request` and its decoded path parameters. HEAD is answered as GET; a trailing slash is ignored.
 * Throws 404 for an unknown path, 405 (with Allow) for a method the path does not take, 400 for a malformed parameter.
 */
export function routeFor<H>(routes: readonly Route<H>[], request: Request): { handler: H; params: string[] } {
  const path = new URL(request.url).pathname.replace(/\/+$/, '');
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const handler = route.methods[method];
    if (!handler) {
      throw new HttpError(405, 'method_not_allowed', `${request.method} is not supported here.`, {
        headers: { Allow: Object.keys(route.methods).join(', ') },
      });
    }
    try {
      return { handler, params: match.slice(1).map((part) => decodeURIComponent(part)) };
    } catch {
      throw new HttpError(400, 'invalid_path', MALFORMED_PATH);
    }
  }
  throw new HttpError(404, 'not_found', 'There is no such API endpoint.');
}
