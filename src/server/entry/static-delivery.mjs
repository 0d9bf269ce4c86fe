// @ts-check
/**
 * How the Node server sends the built site's files: every file under dist/client is listed once at start-up, and a
 * request for one is answered here, with the brotli or gzip copy written at build time when the browser takes it
 * (src/integrations/precompress.ts), long caching for hashed assets, ETag revalidation for the rest, and the security
 * headers a page or a file needs; and the built not-found page for a path that names nothing.
 *
 * Plain JavaScript: the build copies this file beside Astro's server entry, where it runs without a bundler.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {(req: Request, res: Response, ...rest: unknown[]) => unknown} Listener */

/** @type {Record<string, string>} */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Precompressed copies, best first: the extension of the copy and its Content-Encoding. */
export const ENCODINGS = /** @type {const} */ ([
  ['.br', 'br'],
  ['.gz', 'gzip'],
]);

/**
 * One servable file.
 * @typedef {{ file: string, type: string, size: number, etag: string, modified: string, encoded: Record<string, { file: string, size: number }> }} StaticFile
 */

/**
 * Every file of the built client folder by its URL path, with its precompressed copies (never listed on their own).
 * @param {string} clientDir
 * @returns {Map<string, StaticFile>}
 */
export function listStaticFiles(clientDir) {
  /** @type {Map<string, StaticFile>} */
  const files = new Map();
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.startsWith('.') && !ENCODINGS.some(([suffix]) => entry.name.endsWith(suffix))) {
        const stat = statSync(full);
        /** @type {StaticFile['encoded']} */
        const encoded = {};
        for (const [suffix, encoding] of ENCODINGS) {
          try {
            encoded[encoding] = { file: full + suffix, size: statSync(full + suffix).size };
          } catch {
            // No copy in this encoding (small or already compressed files).
          }
        }
        files.set(`/${relative(clientDir, full).split(sep).join('/')}`, {
          file: full,
          type: contentTypes[extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
          size: stat.size,
          etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`,
          modified: stat.mtime.toUTCString(),
          encoded,
        });
      }
    }
  };
  walk(clientDir);
  return files;
}

/**
 * The file a URL path names: `/steps/a/` and `/steps/a` are `/steps/a/index.html` (the site ignores trailing slashes).
 * @param {Map<string, StaticFile>} files
 * @param {string} path decoded URL path
 */
export function staticFileFor(files, path) {
  if (path.includes('\0') || path.split('/').includes('..')) return undefined;
  if (path.endsWith('/')) return files.get(`${path}index.html`);
  return files.get(path) ?? files.get(`${path}/index.html`);
}

/**
 * The best of `offered` (best first) that an Accept-Encoding header takes (q=0 refuses one); shared with the API's
 * on-the-fly compression.
 * @param {string | undefined} acceptEncoding
 * @param {readonly string[]} offered
 * @returns {string | undefined}
 */
export function preferredEncoding(acceptEncoding, offered) {
  if (!acceptEncoding) return undefined;
  /** @type {Map<string, number>} */
  const accepted = new Map();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const quality = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    accepted.set(name.trim(), quality === undefined ? 1 : Number(quality));
  }
  return offered.find((encoding) => (accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0);
}

/**
 * The best encoding both sides have, from an Accept-Encoding header.
 * @param {string | undefined} acceptEncoding
 * @param {StaticFile} staticFile
 * @returns {string | undefined}
 */
export function chooseEncoding(acceptEncoding, staticFile) {
  return preferredEncoding(
    acceptEncoding,
    ENCODINGS.map(([, encoding]) => encoding).filter((encoding) => staticFile.encoded[encoding]),
  );
}

/**
 * Cache policy by path: Astro's hashed assets and the quizzes' data files (src/queries/quiz-data.ts) never change
 * under one name, so browsers keep them for a year; everything else is revalidated (cheaply, by ETag) so a new build
 * shows at once.
 * @param {string} path
 */
export const cacheControlFor = (path) =>
  path.startsWith('/_astro/') || path.startsWith('/quizzes/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';

/**
 * Answers requests for the built files: `serveFile` sends the file a GET or HEAD names (false when there is none),
 * `serveNotFound` the built not-found page with status 404.
 * @param {{ clientDir: string, headersFor: (path: string, isDocument: boolean) => [string, string][] }} options
 */
export function staticDelivery({ clientDir, headersFor }) {
  const files = listStaticFiles(clientDir);
  const notFoundPage = files.get('/404.html');

  /**
   * @param {Request} req
   * @param {Response} res
   * @param {string} path
   * @param {StaticFile} staticFile
   * @param {number} status 200 for the file asked for, 404 for the not-found page (never revalidated by ETag)
   */
  const send = (req, res, path, staticFile, status) => {
    const isDocument = staticFile.type.startsWith('text/html');
    for (const [name, value] of headersFor(path, isDocument)) res.setHeader(name, value);
    const encoding = chooseEncoding(req.headers['accept-encoding'], staticFile);
    const sent = encoding ? staticFile.encoded[encoding] ?? staticFile : staticFile;
    res.setHeader('Content-Type', staticFile.type);
    if (Object.keys(staticFile.encoded).length > 0) res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    if (status === 200) {
      // Each encoding is its own representation, so each has its own tag.
      const etag = encoding ? `${staticFile.etag.slice(0, -1)}-${encoding}"` : staticFile.etag;
      res.setHeader('Cache-Control', cacheControlFor(path));
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', staticFile.modified);
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        res.statusCode = 304;
        res.end();
        return;
      }
    }
    res.statusCode = status;
    res.setHeader('Content-Length', sent.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(sent.file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  return {
    /**
     * @param {Request} req
     * @param {Response} res
     * @param {string} path decoded URL path
     * @returns {boolean} true when a built file answered
     */
    serveFile(req, res, path) {
      const staticFile = req.method === 'GET' || req.method === 'HEAD' ? staticFileFor(files, path) : undefined;
      if (!staticFile) return false;
      send(req, res, path, staticFile, 200);
      return true;
    },
    /**
     * @param {Request} req
     * @param {Response} res
     * @param {string} path decoded URL path (its page headers are the not-found page's)
     * @returns {boolean} false when the build has no not-found page
     */
    serveNotFound(req, res, path) {
      if (!notFoundPage) return false;
      send(req, res, path, notFoundPage, 404);
      return true;
    },
  };
}
