import type { Platform } from "../platform-name.js";

export type RateLimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export interface RateLimiterOptions {
  /** Questions allowed per window and key (default 10). */
  readonly limit?: number;
  /** Window length in milliseconds (default 60,000). */
  readonly windowMs?: number;
  /**
   * Most keys remembered at once (default 10,000). Past it the least recently seen key is
   * forgotten, which at worst hands a quiet user a fresh allowance: memory stays bounded however
   * many users turn up.
   */
  readonly maxKeys?: number;
  /** The clock, for tests; defaults to Date.now. */
  readonly now?: () => number;
}

/** The key a limit is kept under: one allowance per user and platform. */
export function rateLimitKey(platform: Platform, userId: string): string {
  return `${platform}:${userId}`;
}

/**
 * A sliding-window limiter: a key may have at most `limit` allowed checks in any `windowMs`.
 * Refused checks are not counted, so someone retrying early does not push their own wait back.
 * State lives in this process only; several instances each keep their own.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  readonly #now: () => number;
  /** Allowed times per key, oldest first; Map order is least recently seen first (LRU). */
  readonly #times = new Map<string, number[]>();
  #nextSweep = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.limit = positiveInteger("limit", options.limit ?? 10);
    this.windowMs = positiveInteger("windowMs", options.windowMs ?? 60_000);
    this.maxKeys = positiveInteger("maxKeys", options.maxKeys ?? 10_000);
    this.#now = options.now ?? Date.now;
  }

  /** How many keys are remembered right now (for tests and metrics). */
  get size(): number {
    return this.#times.size;
  }

  /** Counts a question for `key` when allowed; otherwise says how long until the next one is. */
  check(key: string, now: number = this.#now()): RateLimitDecision {
    if (now >= this.#nextSweep) this.#sweep(now);
    const windowStart = now - this.windowMs;
    const times = this.#times.get(key) ?? [];
    while (times.length > 0 && (times[0] ?? now) <= windowStart) times.shift();

    // Re-inserting moves the key to the most recently seen end of the Map.
    this.#times.delete(key);
    if (times.length >= this.limit) {
      this.#times.set(key, times);
      const oldest = times[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) };
    }
    times.push(now);
    this.#times.set(key, times);
    if (this.#times.size > this.maxKeys) this.#evictLeastRecent();
    return { allowed: true };
  }

  /** Forgets every key. */
  clear(): void {
    this.#times.clear();
  }

  #evictLeastRecent(): void {
    const oldestKey = this.#times.keys().next();
    if (oldestKey.done !== true) this.#times.delete(oldestKey.value);
  }

  /**
   * Drops keys whose every time has left the window. Keys are in least-recently-seen order, so
   * the walk stops at the first key still in use; run at most once per window, it costs O(1)
   * amortized per check.
   */
  #sweep(now: number): void {
    const windowStart = now - this.windowMs;
    for (const [key, times] of this.#times) {
      const newest = times[times.length - 1];
      if (newest !== undefined && newest > windowStart) break;
      this.#times.delete(key);
    }
    this.#nextSweep = now + this.windowMs;
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`RateLimiter option ${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  return new RateLimiter(options);
}
