/**
 * The API's own way in: the Node server's entry (src/server/entry/site-server.mjs) hands every request under /api/
 * to the handler made here (built beside Astro's entry as dist/server/api-entry.mjs, see
 * src/integrations/server-entries.ts), so an API call never goes through Astro's routing or static-file lookup.
 * Anonymous first pages and counts are answered from memory while the pages they show are unchanged
 * (cache/response-cache.ts); every answer gets the security headers of src/middleware.ts and is compressed when
 * the client takes it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applySecurityHeaders } from '../security/headers.ts';
import { cacheTargetOf, ResponseCache } from './cache/response-cache.ts';
import { handleAnyApiRequest } from './api.ts';
import { readKnownPagesFrom } from './known-pages.ts';
import { answerOf, sendAnswer, webRequestOf } from './node-bridge.ts';
import { errorResponse, HttpError } from './respond.ts';
import { servicesOr503 } from './runtime.ts';

/**
 * A Node request listener for /api/. `https`: the site is served over https (HSTS on every answer); `knownPages`:
 * the list of pages that take comments the build wrote.
 */
export function createApiHandler(options: { https: boolean; knownPages: URL }): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  readKnownPagesFrom(options.knownPages);
  const cache = new ResponseCache();
  const secured = (response: Response) => answerOf(response, (headers) => applySecurityHeaders(headers, { https: options.https }));

  async function answer(req: IncomingMessage) {
    const request = await webRequestOf(req);
    return secured(await handleAnyApiRequest({ request, clientAddress: req.socket.remoteAddress }));
  }

  return async (req, res) => {
    const url = req.url ?? '/';
    try {
      const services = await servicesOr503();
      const target = services instanceof Response ? null : cacheTargetOf(req.method, url, req.headers['x-comment-keys'] !== undefined);
      // Read before the answer is built, so a write in between makes the kept answer stale, never wrongly fresh.
      const versions = target && !(services instanceof Response) ? await services.changes.versions(target.pages).catch(() => null) : null;
      const kept = target && versions ? cache.get(target.key, versions) : undefined;
      if (kept) return await sendAnswer(req, res, kept);
      const fresh = await answer(req);
      if (target && versions && fresh.status === 200) cache.set(target.key, versions, fresh);
      await sendAnswer(req, res, fresh);
    } catch (error) {
      console.error('[api] unexpected failure:', error);
      if (res.headersSent) return void res.destroy();
      await sendAnswer(req, res, await secured(errorResponse(new HttpError(500, 'internal', 'Something went wrong on our side.'))));
    }
  };
}
