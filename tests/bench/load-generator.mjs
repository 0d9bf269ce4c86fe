// A small HTTP load generator, run by the comments bench in a process of its own, so the server's figures are not
// shared with the code that measures them. Reads one JSON job from argv[2]; prints one JSON result on stdout.
//
//   { origin, total, connections, offset?, request: { method, path, headers?, body? } }
//
// In path, header values and body, `{n}` becomes the request's number (offset + index) and `{ip}` a distinct
// address for it (198.18.x.y, as the tests' clientAddressFor), so every post can come from its own client.
import http from 'node:http';

const job = JSON.parse(process.argv[2] ?? '{}');
const { origin, total, connections, offset = 0, request } = job;
const url = new URL(origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

const addressFor = (n) => `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
const fill = (text, n) => text.replaceAll('{n}', String(n)).replaceAll('{ip}', addressFor(n));

const latencies = new Float64Array(total);
const statuses = {};
let bytes = 0;
let next = 0;

function one(index) {
  const n = offset + index;
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([name, value]) => [name, fill(value, n)]));
  const body = request.body === undefined ? undefined : fill(request.body, n);
  return new Promise((done, fail) => {
    const started = performance.now();
    const outgoing = http.request({ host: url.hostname, port: url.port, method: request.method, path: fill(request.path, n), headers, agent }, (response) => {
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => {
        latencies[index] = performance.now() - started;
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        done();
      });
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (next < total) await one(next++);
  }),
);
const seconds = (performance.now() - started) / 1000;
agent.destroy();
latencies.sort();
const at = (quantile) => latencies[Math.min(total - 1, Math.floor(total * quantile))];
process.stdout.write(JSON.stringify({ requests: total, seconds, p50: at(0.5), p99: at(0.99), statuses, bytesPerResponse: Math.round(bytes / total) }));
