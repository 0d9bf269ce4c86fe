// @ts-check
/**
 * V8 flags the server runs with (`npm start`, and the tests' servers). They can only be given when Node starts,
 * never set from inside the entry, so whoever runs dist/server/entry.mjs directly passes them too (see README).
 *
 * A young generation of 2 MB per half instead of Node's default 16: the API allocates many short-lived objects, and
 * the larger default let the heap and its native side grow to about 140 MiB under the comments bench; with 2 MB the
 * server stays near 105 MiB at the same throughput (scavenges of a small space are cheap).
 *
 * An old generation let grow by 10% of what survived its last full collection before the next: V8's default
 * factor (up to 2×) let the PostgreSQL server's heap reach 117–135 MiB under the comments bench, from one run to
 * the next, as the short promises of many requests waiting on one shared query outlived a scavenge. With 10%: 106–112
 * MiB in six runs, SQLite unchanged, and the same throughput on both.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=10'];
