import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitKey } from "../../src/ops/rate-limiter.js";
import { rateLimitMessage } from "../../src/ops/rate-limit-message.js";

describe("RateLimiter", () => {
  it("allows 10 questions a minute, refuses the 11th with when to retry, and allows again once the window has passed", () => {
    const limiter = new RateLimiter();
    const key = rateLimitKey("slack", "U123");
    expect(key).toBe("slack:U123");
    const start = 1_000_000;
    for (let i = 0; i < 10; i += 1) expect(limiter.check(key, start + i * 1000)).toEqual({ allowed: true });

    const refused = limiter.check(key, start + 10_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 50_000 }); // the first question leaves the window at start + 60 s
    // A refused attempt does not count: retrying early does not push the wait back.
    expect(limiter.check(key, start + 59_999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(limiter.check(key, start + 60_000)).toEqual({ allowed: true });
    expect(limiter.check(key, start + 60_001)).toEqual({ allowed: false, retryAfterMs: 999 });

    // After a whole quiet minute the full allowance is back.
    for (let i = 0; i < 10; i += 1) expect(limiter.check(key, start + 200_000 + i)).toEqual({ allowed: true });
  });

  it("keeps users and platforms apart", () => {
    const limiter = new RateLimiter({ limit: 1 });
    expect(limiter.check(rateLimitKey("slack", "U1"), 0).allowed).toBe(true);
    expect(limiter.check(rateLimitKey("slack", "U1"), 1).allowed).toBe(false);
    expect(limiter.check(rateLimitKey("discord", "U1"), 1).allowed).toBe(true);
    expect(limiter.check(rateLimitKey("slack", "U2"), 1).allowed).toBe(true);
  });

  it("takes its limit and window from options and its clock from `now`", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i += 1) expect(limiter.check("k").allowed).toBe(true);
    expect(limiter.check("k")).toEqual({ allowed: false, retryAfterMs: 1000 });
    now = 1000;
    expect(limiter.check("k").allowed).toBe(true);
    expect(() => new RateLimiter({ limit: 0 })).toThrow(/limit/);
  });

  it("stays bounded with 100,000 distinct users, evicting the least recently seen", () => {
    const limiter = new RateLimiter({ maxKeys: 5_000 });
    const active = rateLimitKey("discord", "regular");
    for (let i = 0; i < 100_000; i += 1) {
      limiter.check(rateLimitKey("discord", `user-${i}`), 1_000 + i * 0.1);
      // A user who keeps asking stays remembered however many others turn up.
      if (i % 1000 === 0) limiter.check(active, 1_000 + i * 0.1);
      expect(limiter.size).toBeLessThanOrEqual(5_000);
    }
    expect(limiter.size).toBe(5_000);
    expect(limiter.check(active, 12_000).allowed).toBe(false); // its 10 questions are still remembered
  });

  it("forgets users whose questions have all left the window", () => {
    const limiter = new RateLimiter({ windowMs: 60_000 });
    for (let i = 0; i < 1000; i += 1) limiter.check(`slack:U${i}`, i);
    expect(limiter.size).toBe(1000);
    limiter.check("slack:late", 10 * 60_000);
    expect(limiter.size).toBe(1);
  });
});

describe("rateLimitMessage", () => {
  it("says politely, in the asker's language, how many seconds to wait", () => {
    expect(rateLimitMessage(50_000, "en")).toBe("You are asking a lot of questions in a short time: please try again in 50 seconds.");
    expect(rateLimitMessage(1, "en")).toContain("in 1 second.");
    expect(rateLimitMessage(1_500, "fr")).toContain("dans 2 secondes");
  });
});
