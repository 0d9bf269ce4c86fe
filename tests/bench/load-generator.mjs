// A small HTTP load generator, run by the comments bench in a process of its own, so the server's figures are not
// shared with the code that measures them. Reads one JSON job from argv[2]; prints one JSON result on stdout.
//
//   { origin, total, connections, offset?, request: { method, path, headers?, body? } }
//
// In path, header values and body, `{n}` becomes the request's number (offset + index) and `{ip}` a distinct
// address for it (198.18.x.y, as the tests' clientAddressFor), so every post can come from its own client.
//
// Like wrk, it keeps `connections` sockets open and writes each request as prepared bytes, reading back only the
// status, Content-Length and body length: Node's own HTTP client cost more CPU per request than the server answering
// it, on the same two cores, and its queueing showed up as the server's latency.
import net from 'node:net';

const job = JSON.parse(process.argv[2] ?? '{}');
const { origin, total, connections, offset = 0, request } = job;
const url = new URL(origin);

const addressFor = (n) => `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
const fill = (text, n) => text.replaceAll('{n}', String(n)).replaceAll('{ip}', addressFor(n));

/** The bytes of request `n`: an HTTP/1.1 request on a kept-alive connection. */
function requestBytes(n) {
  const body = request.body === undefined ? undefined : Buffer.from(fill(request.body, n));
  const lines = [`${request.method} ${fill(request.path, n)} HTTP/1.1`, `Host: ${url.host}`, 'Connection: keep-alive'];
  for (const [name, value] of Object.entries(request.headers ?? {})) lines.push(`${name}: ${fill(value, n)}`);
  if (body) lines.push(`Content-Length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return body ? Buffer.concat([head, body]) : head;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const latencies = new Float64Array(total);
const statuses = {};
let bytes = 0;
let next = 0;

/** One connection: sends the next request when the last answer is whole, until every request is sent. */
function connection() {
  return new Promise((done, fail) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    let pending = Buffer.alloc(0);
    /** The answer being read: its index, when it was sent, and (once its head is in) how many bytes it has in all. */
    let current;
    const sendNext = () => {
      if (next >= total) {
        socket.end();
        done();
        return;
      }
      const index = next++;
      current = { index, started: performance.now(), length: -1 };
      socket.write(requestBytes(offset + index));
    };
    socket.on('connect', sendNext);
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      if (current.length < 0) {
        const headEnd = pending.indexOf(HEADER_END);
        if (headEnd < 0) return;
        const head = pending.toString('latin1', 0, headEnd);
        const status = head.slice(9, 12);
        const contentLength = /\r\ncontent-length: *(\d+)/i.exec(head);
        if (!contentLength) {
          fail(new Error(`An answer without Content-Length (status ${status}): this generator reads only those`));
          return;
        }
        current.bodyLength = Number(contentLength[1]);
        current.length = headEnd + HEADER_END.length + current.bodyLength;
        current.status = status;
      }
      if (pending.length < current.length) return;
      if (pending.length > current.length) {
        fail(new Error('More bytes than the answer asked for: the server answered before the request was whole'));
        return;
      }
      latencies[current.index] = performance.now() - current.started;
      statuses[current.status] = (statuses[current.status] ?? 0) + 1;
      bytes += current.bodyLength;
      pending = Buffer.alloc(0);
      sendNext();
    });
  });
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, connection));
const seconds = (performance.now() - started) / 1000;
latencies.sort();
const at = (quantile) => latencies[Math.min(total - 1, Math.floor(total * quantile))];
process.stdout.write(JSON.stringify({ requests: total, seconds, p50: at(0.5), p99: at(0.99), statuses, bytesPerResponse: Math.round(bytes / total) }));
