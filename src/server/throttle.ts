/**
 * Limits kept in this process's memory, for attempts that leave no row to count: edits and deletes (each a disk
 * write that also empties every reader's cached page) and failed admin logins. Keyed by the client hash; bounded
 * in size, so a flood of new clients cannot grow it without end.
 */
import { admitByRate, rateLookback, type RateRule } from './rate-limit.ts';
import type { Admission } from './db/guards.ts';

/** Most clients remembered at once; the one seen longest ago makes room. */
const KEYS_MAX = 10_000;

/** Remembers `key` last (Map order is insertion order), dropping the oldest entry when the map is full. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > KEYS_MAX) map.delete(map.keys().next().value as string);
}

/** A sliding-window limit per key, by the same rules as comments (see rate-limit.ts). */
export class Throttle {
  readonly #rules: readonly RateRule[];
  readonly #times = new Map<string, number[]>();

  constructor(rules: readonly RateRule[]) {
    this.#rules = rules;
  }

  /** Counts one attempt by `key` at `now` if the rules admit it. */
  take(key: string, now: number): Admission {
    const lookback = this.#rules.length === 0 ? 0 : rateLookback(this.#rules);
    const recent = (this.#times.get(key) ?? []).filter((time) => time > now - lookback);
    const admission = admitByRate(recent, now, this.#rules);
    if (admission.admitted) recent.push(now);
    remember(this.#times, key, recent);
    return admission;
  }
}

export interface BackoffRules {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
  /** A client with no failure for this long starts afresh. */
  forgetAfterMs: number;
}

/** Failed admin logins: 5 free, then 1 s, 2 s, 4 s … up to 15 minutes between tries. */
export const ADMIN_LOGIN_BACKOFF: BackoffRules = { free: 5, baseMs: 1000, maxMs: 15 * 60 * 1000, forgetAfterMs: 60 * 60 * 1000 };

/** Exponential backoff after repeated failures per key. */
export class FailureBackoff {
  readonly #rules: BackoffRules;
  readonly #failures = new Map<string, { count: number; last: number; until: number }>();

  constructor(rules: BackoffRules) {
    this.#rules = rules;
  }

  /** How long `key` must still wait before its next try; 0 when it may try now. */
  waitMs(key: string, now: number): number {
    const entry = this.#failures.get(key);
    return entry ? Math.max(0, entry.until - now) : 0;
  }

  fail(key: string, now: number): void {
    const previous = this.#failures.get(key);
    const count = previous && now - previous.last < this.#rules.forgetAfterMs ? previous.count + 1 : 1;
    const over = count - this.#rules.free;
    const wait = over > 0 ? Math.min(this.#rules.maxMs, this.#rules.baseMs * 2 ** Math.min(over - 1, 30)) : 0;
    remember(this.#failures, key, { count, last: now, until: now + wait });
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }
}
