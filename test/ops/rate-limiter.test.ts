import { afterEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter, rateLimitKey } from "../../src/ops/rate-limiter.js";
import { rateLimitMessage } from "../../src/ops/rate-limit-message.js";

// rate-limiter-flexible's memory backend reads Date.now: only Date is faked, so its clock can be
// moved while every timer stays real.
afterEach(() => {
  vi.useRealTimers();
});

function freezeClock(at: number): (ms: number) => void {
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  return (ms) => {
    vi.setSystemTime(Date.now() + ms);
  };
}

describe("createRateLimiter (in memory)", () => {
  it("allows 10 questions a minute, refuses the 11th with when to retry, and allows again once the window has passed", async () => {
    const advance = freezeClock(1_000_000);
    const limiter = createRateLimiter();
    const key = rateLimitKey("slack", "U123");
    expect(key).toBe("slack:U123");
    for (let i = 0; i < 10; i += 1) {
      expect(await limiter.check(key)).toEqual({ allowed: true });
      advance(1000);
    }
    // The window started with the first question: it ends 60 s after it, 50 s from now.
    expect(await limiter.check(key)).toEqual({ allowed: false, retryAfterMs: 50_000 });
    // A refused attempt does not move the window: retrying early does not push the wait back.
    advance(49_999);
    expect(await limiter.check(key)).toEqual({ allowed: false, retryAfterMs: 1 });
    advance(1);
    expect(await limiter.check(key)).toEqual({ allowed: true });
    for (let i = 0; i < 9; i += 1) expect((await limiter.check(key)).allowed).toBe(true);
    expect((await limiter.check(key)).allowed).toBe(false);
  });

  it("keeps users and platforms apart", async () => {
    const limiter = createRateLimiter({ limit: 1 });
    expect((await limiter.check(rateLimitKey("slack", "U1"))).allowed).toBe(true);
    expect((await limiter.check(rateLimitKey("slack", "U1"))).allowed).toBe(false);
    expect((await limiter.check(rateLimitKey("discord", "U1"))).allowed).toBe(true);
    expect((await limiter.check(rateLimitKey("slack", "U2"))).allowed).toBe(true);
  });

  it("takes its limit and window from options, and refuses windows that are not whole seconds", async () => {
    const advance = freezeClock(0);
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 });
    expect([limiter.limit, limiter.windowMs]).toEqual([3, 1000]);
    for (let i = 0; i < 3; i += 1) expect((await limiter.check("k")).allowed).toBe(true);
    expect(await limiter.check("k")).toEqual({ allowed: false, retryAfterMs: 1000 });
    advance(1000);
    expect((await limiter.check("k")).allowed).toBe(true);
    expect(() => createRateLimiter({ limit: 0 })).toThrow(/limit/);
    expect(() => createRateLimiter({ windowMs: 1500 })).toThrow(/whole seconds/);
  });

  it("answers 100,000 distinct users without refusing any of them", async () => {
    const limiter = createRateLimiter({ limit: 1 });
    let refused = 0;
    for (let i = 0; i < 100_000; i += 1) if (!(await limiter.check(rateLimitKey("discord", `user-${i}`))).allowed) refused += 1;
    expect(refused).toBe(0);
  });
});

describe("rateLimitMessage", () => {
  it("says politely, in the asker's language, how many seconds to wait", () => {
    expect(rateLimitMessage(50_000, "en")).toBe("You are asking a lot of questions in a short time: please try again in 50 seconds.");
    expect(rateLimitMessage(1, "en")).toContain("in 1 second.");
    expect(rateLimitMessage(1_500, "fr")).toContain("dans 2 secondes");
  });
});
