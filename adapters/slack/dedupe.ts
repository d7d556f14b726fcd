/**
 * Remembers recently seen keys (event ids, message timestamps) so that an event Slack delivers twice
 * is answered once. Slack retries an unacknowledged event after about 1 minute, then 5, then 30, so keys
 * are kept for an hour; memory stays bounded because the oldest keys are dropped beyond `maxEntries`.
 *
 * Per process: instances behind a load balancer each have their own memory (see the README).
 */
export interface DedupeOptions {
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  /** Injected for tests; defaults to Date.now. */
  readonly now?: () => number;
}

export class RecentKeys {
  readonly #seenAt = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: DedupeOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#ttlMs = options.ttlMs ?? 60 * 60 * 1000;
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
