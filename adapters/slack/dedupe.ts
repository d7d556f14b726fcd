import type { SharedRedis } from "../../src/index.js";

/**
 * Slack retries an unacknowledged event after about 1 minute, then 5, then 30, so a key is
 * remembered for an hour: past the last retry, with room to spare.
 */
export const SEEN_KEY_TTL_MS = 60 * 60 * 1000;
/** Keys one process remembers at once, oldest dropped first: its memory stays bounded. */
export const MAX_SEEN_KEYS_IN_MEMORY = 10_000;

export interface DedupeOptions {
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  /** Injected for tests; defaults to Date.now. */
  readonly now?: () => number;
}

/**
 * Recently seen keys in this process's memory: the store when REDIS_URL is unset, and the
 * fallback while Redis is down. Bounded: the oldest keys are dropped beyond `maxEntries`.
 */
export class RecentKeys {
  readonly #seenAt = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: DedupeOptions = {}) {
    this.#maxEntries = options.maxEntries ?? MAX_SEEN_KEYS_IN_MEMORY;
    this.#ttlMs = options.ttlMs ?? SEEN_KEY_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** Records `key`; returns false when it was already seen within the time-to-live. */
  firstSighting(key: string): boolean {
    const now = this.#now();
    this.#evictExpired(now);
    const seenAt = this.#seenAt.get(key);
    if (seenAt !== undefined && now - seenAt < this.#ttlMs) return false;
    this.#seenAt.delete(key);
    this.#seenAt.set(key, now);
    while (this.#seenAt.size > this.#maxEntries) {
      const oldest = this.#seenAt.keys().next();
      if (oldest.done === true) break;
      this.#seenAt.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.#seenAt.size;
  }

  // A Map iterates in insertion order, so expired keys are always at the front.
  #evictExpired(now: number): void {
    for (const [key, seenAt] of this.#seenAt) {
      if (now - seenAt < this.#ttlMs) break;
      this.#seenAt.delete(key);
    }
  }
}

/**
 * Remembers recently seen keys (event ids, message timestamps) so that an event Slack delivers
 * twice is answered once, whichever instance each delivery reaches.
 */
export interface SeenKeys {
  /** Records `key`; resolves false when it was already seen (by any instance sharing the store). */
  firstSighting(key: string): Promise<boolean>;
}

export interface SeenKeysOptions {
  /** What the keys are, so two kinds never collide: "event" (event ids), "message" (channel:ts). */
  readonly kind: string;
  /** Shared by every instance when set; otherwise (and while it is down) this process's memory. */
  readonly redis?: SharedRedis | undefined;
  readonly ttlMs?: number;
}

/**
 * With Redis, one `SET <prefix>slack:seen:<kind>:<key> 1 NX EX <ttl>`: atomic, so of two
 * instances receiving the same event at the same moment exactly one gets "OK", and the key
 * expires by itself. Without Redis (or while it is down), RecentKeys.
 */
export function createSeenKeys(options: SeenKeysOptions): SeenKeys {
  const ttlMs = options.ttlMs ?? SEEN_KEY_TTL_MS;
  const memory = new RecentKeys({ ttlMs });
  const redis = options.redis;
  if (redis === undefined) return { firstSighting: (key) => Promise.resolve(memory.firstSighting(key)) };
  const ttlSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return {
    firstSighting: (key) =>
      redis.attempt(
        "slack de-duplication",
        async (client) => (await client.set(redis.key("slack", "seen", options.kind, key), "1", "EX", ttlSeconds, "NX")) === "OK",
        () => memory.firstSighting(key),
      ),
  };
}
