import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../src/server/entry/node-flags.mjs';
import { repoRoot, serverEntry } from './paths';
import { childEnv } from './child-env';

export interface RunningServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Folder holding this server's SQLite file and secrets. */
  dataDir: string;
  process: ChildProcess;
  /** Graceful stop (SIGTERM) and clean-up of the data folder unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL, as a crash would; the data folder is kept. */
  kill(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Resolves once this server has bound its port (it says so on stdout) and answers HTTP there, or fails if it exits
 * first. Answering alone proves nothing: another process may hold the port, and this one then exits with EADDRINUSE.
 */
async function waitUntilServing(url: string, child: ChildProcess, bound: () => boolean): Promise<void> {
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code ?? -1));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new Error(`server exited early with code ${exitCode}`);
    try {
      if (!bound()) throw new Error('not listening yet');
      const response = await fetch(`${url}/robots.txt`);
      await response.arrayBuffer();
      return;
    } catch {
      // Not accepting connections yet: probe again shortly.
      await new Promise((retry) => setTimeout(retry, 50));
    }
  }
  throw new Error(`server at ${url} did not start within 30 s`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });
}

/** Starts the built Node server (OUT_DIR/server/entry.mjs) on a free port with its own data folder. */
export async function startServer(options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bt-server-'));
  // A port free when asked for can be taken by another test file's server or browser before this one binds it:
  // then it starts again on another port.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(await freePort(), dataDir, options);
    } catch (error) {
      if (attempt === 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

async function launch(port: number, dataDir: string, options: { env?: Record<string, string>; dataDir?: string }): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  // With the flags `npm start` gives it, so figures and behaviour are those of the real server.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverEntry], {
    cwd: repoRoot,
    env: childEnv({
      HOST: '127.0.0.1',
      PORT: String(port),
      SITE_URL: url,
      COMMENTS_DB: join(dataDir, 'comments.db'),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let bound = false;
  child.stdout?.on('data', (chunk: Buffer) => (bound ||= chunk.toString().includes('listening on')));
  // A server that ends before a test stops or kills it says why, or a test would only see refused connections.
  let ending = false;
  child.on('exit', (code, signal) => {
    if (!ending) console.error(`The server on ${url} exited on its own (code ${code}, signal ${signal}). Its stderr:\n${stderr.join('')}`);
  });
  try {
    await waitUntilServing(url, child, () => bound);
  } catch (error) {
    ending = true;
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr.join('')}`);
  }
  return {
    url,
    dataDir,
    process: child,
    async stop({ keepData = false } = {}) {
      ending = true;
      child.kill('SIGTERM');
      await exited(child);
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      ending = true;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}
