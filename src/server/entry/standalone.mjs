// @ts-check
/**
 * The standalone Node server without Astro's runtime: an http server (https with SERVER_CERT_PATH and
 * SERVER_KEY_PATH) on HOST and PORT, read as @astrojs/node reads them, and started as its startServer() starts
 * one (same return shape); plus the optional cluster mode, several such servers sharing one port.
 *
 * Plain JavaScript: the build copies this file beside the server entry.
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

/** @typedef {import('node:http').RequestListener} RequestListener */

/** @param {unknown} host the adapter's `host` option: true for every interface, false for localhost */
const hostOf = (host) => (typeof host === 'boolean' ? (host ? '0.0.0.0' : 'localhost') : typeof host === 'string' ? host : 'localhost');

/**
 * Starts listening; resolves nothing, like the adapter's startServer().
 * @param {RequestListener} listener
 * @param {{ host?: unknown, port?: number }} options the adapter's options
 */
export function listen(listener, options) {
  const port = process.env.PORT ? Number(process.env.PORT) : (options.port ?? 8080);
  const host = process.env.HOST ?? hostOf(options.host);
  const { SERVER_CERT_PATH: certPath, SERVER_KEY_PATH: keyPath } = process.env;
  const server =
    certPath && keyPath
      ? https.createServer({ cert: readFileSync(certPath), key: readFileSync(keyPath) }, listener)
      : http.createServer(listener);
  /** @type {Promise<void>} */
  const closed = new Promise((resolve, reject) => {
    server.once('close', () => resolve());
    server.once('error', reject);
  });
  server.listen(port, host);
  if (process.env.ASTRO_NODE_LOGGING !== 'disabled') {
    server.once('listening', () => console.log(`[server] listening on ${certPath && keyPath ? 'https' : 'http'}://${host}:${port}`));
  }
  const stop = () =>
    /** @type {Promise<void>} */ (
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })
    );
  return { server: { server, host, port, closed: () => closed, stop }, done: closed };
}

/**
 * Server processes asked for by CLUSTER_WORKERS: a whole number of 2 or more; unset (or 1) is one process.
 * @param {string | undefined} value
 */
export function clusterWorkers(value) {
  if (value === undefined || value.trim() === '') return 1;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    console.warn(`[server] CLUSTER_WORKERS must be a whole number from 1 to 64, not "${value}": running one process`);
    return 1;
  }
  return workers;
}

/**
 * Runs `workers` copies of this entry on one port (Node's cluster hands each connection to one of them). A worker
 * that stops is replaced a second later; SIGTERM or SIGINT stops them all, then this process.
 * @param {number} workers
 */
export function runPrimary(workers) {
  let stopping = false;
  for (let index = 0; index < workers; index += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[server] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    setTimeout(() => cluster.fork(), 1000);
  });
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
    process.on(signal, () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {});
      if (running.length === 0) process.exit(0);
      for (const worker of running) worker?.process.kill(signal);
    });
  }
}
