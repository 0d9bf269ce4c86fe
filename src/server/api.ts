/**
 * The one door to `/api/`: which service answers a path. The contact API, the comment feeds and the notification
 * status each own a prefix; the comments API answers everything else, including unknown paths (a JSON 404).
 */
import { handleContactRequest } from './contact/runtime.ts';
import { handleApiRequest, handleFeedRequest, handleNotifyStatusRequest, type ApiContext } from './runtime.ts';

type ApiHandler = (context: ApiContext) => Promise<Response>;

/** Path patterns and the service behind each, matched in order; what none matches goes to the comments API. */
const SERVICES: readonly [RegExp, ApiHandler][] = [
  [/^\/api\/contact\/?$/, handleContactRequest],
  [/^\/api\/admin\/contact(?:\/.*)?$/, handleContactRequest],
  [/^\/api\/feeds(?:\/.*)?$/, handleFeedRequest],
  [/^\/api\/admin\/notifications\/?$/, handleNotifyStatusRequest],
];

/** The path as routes see it: percent-decoded, as Astro matches its route files; as sent when it cannot be decoded. */
function routedPath(url: URL): string {
  try {
    return decodeURI(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** The service for `url`'s path. */
export function serviceFor(url: URL): ApiHandler {
  const path = routedPath(url);
  return SERVICES.find(([pattern]) => pattern.test(path))?.[1] ?? handleApiRequest;
}

/**
 * Every request under /api/: handed to the service that owns its path. Astro's route (src/pages/api/[...path].ts)
 * and the server entry's direct way in (api-entry.ts) both come through here.
 */
export function handleAnyApiRequest(context: ApiContext): Promise<Response> {
  return serviceFor(new URL(context.request.url))(context);
}
