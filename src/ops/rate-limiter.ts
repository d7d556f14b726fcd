import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Platform } from "../platform-name.js";
import type { SharedRedis } from "./redis.js";

export type RateLimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export const DEFAULT_RATE_LIMIT = 10;
export const DEFAULT_RATE_WINDOW_MS = 60_000;

export interface RateLimiterOptions {
  /** Questions allowed per window and key (default 10). */
  readonly limit?: number;
  /** Window length in milliseconds, a whole number of seconds (Redis expiries are in seconds; default 60,000). */
  readonly windowMs?: number;
  /**
   * Counts in this Redis, shared by every instance and shard, instead of in this process. While
   * Redis is down the count falls back to this process's memory, so the bot keeps answering.
   */
  readonly redis?: SharedRedis;
}

/** The per-user limit: `limit` questions per key in a window that starts with the key's first question. */
export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Counts a question for `key` when allowed; otherwise says how long until the window ends.
   * Refused questions do not move the window, so someone retrying early does not push their own
   * wait back. Never rejects.
   */
  check(key: string): Promise<RateLimitDecision>;
}

/** The key a limit is kept under: one allowance per user and platform. */
export function rateLimitKey(platform: Platform, userId: string): string {
  return `${platform}:${userId}`;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`RateLimiter option ${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

/**
 * rate-limiter-flexible resolves an allowed consume and rejects a refused one with a
 * RateLimiterRes; anything else it rejects with is a store failure.
 */
async function decide(limiter: RateLimiterAbstract, key: string): Promise<RateLimitDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, refusal.msBeforeNext) };
    throw refusal;
  }
}

/**
 * One interface over rate-limiter-flexible's two backends: RateLimiterMemory (a fixed window per
 * key in this process, each key dropped when its window ends, so memory follows the users of the
 * last minute) and RateLimiterRedis (the same window as one atomic Lua script, so instances cannot
 * race each other, under REDIS_PREFIX with the window as its TTL).
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limit = positiveInteger("limit", options.limit ?? DEFAULT_RATE_LIMIT);
  const windowMs = positiveInteger("windowMs", options.windowMs ?? DEFAULT_RATE_WINDOW_MS);
  if (windowMs % 1000 !== 0) throw new RangeError(`RateLimiter option windowMs must be whole seconds, got ${windowMs}`);
  const settings = { points: limit, duration: windowMs / 1000 };
  const memory = new RateLimiterMemory({ ...settings, keyPrefix: "" });
  const redis = options.redis;
  if (redis === undefined) return { limit, windowMs, check: (key) => decide(memory, key) };

  const shared = new RateLimiterRedis({ ...settings, storeClient: redis.client, keyPrefix: redis.key("limit") });
  return {
    limit,
    windowMs,
    check: (key) =>
      redis.attempt(
        "rate limit",
        () => decide(shared, key),
        () => decide(memory, key),
      ),
  };
}
