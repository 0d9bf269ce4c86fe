/** Matching an API request to its handler: one table of path patterns and methods, the same errors everywhere. */
import { HttpError, responseForError } from './respond.ts';

/** What the comments and contact APIs say about a path that is not valid percent-encoding. */
export const MALFORMED_PATH = 'The address has a malformed percent-encoding (such as %E0%A4%A).';

/** What the server knows about a request beyond the Request itself. */
export interface RequestMeta {
  /** The socket's remote address. */
  clientAddress: string | undefined;
}

/** Answers one method of one route; `params` are the path's decoded captured groups. */
export type Handler = (request: Request, meta: RequestMeta, params: readonly string[]) => Promise<Response>;

/** A path pattern (its captured groups are the parameters) and the handler of each method. */
export interface Route<H = Handler> {
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

/**
 * An API over `routes`: every request goes to its handler, and whatever a handler throws becomes a JSON error
 * (respond.ts); `busy` is what a 503 says while the database is unavailable.
 */
export function serveRoutes(
  routes: readonly Route[],
  options: { logError: (error: unknown) => void; busy: string },
): (request: Request, meta: RequestMeta) => Promise<Response> {
  return async (request, meta) => {
    try {
      const { handler, params } = routeFor(routes, request);
      return await handler(request, meta, params);
    } catch (error) {
      return responseForError(error, options.logError, options.busy);
    }
  };
}
