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

/** Resolves once the server answers HTTP on its port (probing the socket), or fails if it exits first. */
async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code ?? -1));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new Error(`server exited early with code ${exitCode}`);
    try {
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
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bt-server-'));
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
  child.stdout?.resume();
  try {
    await waitUntilServing(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr.join('')}`);
  }
  return {
    url,
    dataDir,
    process: child,
    async stop({ keepData = false } = {}) {
      child.kill('SIGTERM');
      await exited(child);
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}
