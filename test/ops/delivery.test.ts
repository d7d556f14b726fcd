import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { DeliveryError, mayHaveBeenPosted, neverConnected, replyBudget, sendOnce, type SendFailure } from "../../src/ops/delivery.js";

class Refused extends Error {}
class Throttled extends Error {
  constructor(readonly retryAfterMs: number) {
    super("429");
  }
}
class TimedOut extends Error {}

function classify(error: unknown): SendFailure {
  if (error instanceof Refused) return { delivered: "no", retry: true };
  if (error instanceof Throttled) return { delivered: "no", retry: true, retryAfterMs: error.retryAfterMs };
  return { delivered: "maybe" };
}

/** A send that fails with each of `failures` in turn, then succeeds; it counts its attempts. */
function flaky(failures: readonly Error[]): { send: () => Promise<string>; attempts: () => number } {
  let attempts = 0;
  return {
    send: () => {
      const failure = failures[attempts];
      attempts += 1;
      return failure === undefined ? Promise.resolve("posted") : Promise.reject(failure);
    },
    attempts: () => attempts,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}

describe("sendOnce", () => {
  it("retries a failure that proves nothing was posted, and succeeds", async () => {
    const { send, attempts } = flaky([new Refused(), new Refused()]);
    await expect(sendOnce(send, classify, replyBudget(2_000))).resolves.toBe("posted");
    expect(attempts()).toBe(3);
  });

  it("never sends again after a failure that may have been posted, and says so", async () => {
    const { send, attempts } = flaky([new TimedOut()]);
    const error = await failureOf(sendOnce(send, classify, replyBudget(2_000)));
    expect(attempts()).toBe(1);
    expect(error.delivered).toBe("maybe");
    expect(mayHaveBeenPosted(error)).toBe(true);
  });

  it("gives up at once when the platform asks to wait longer than the budget has left", async () => {
    const { send, attempts } = flaky([new Throttled(30_000)]);
    const started = performance.now();
    const error = await failureOf(sendOnce(send, classify, replyBudget(2_000)));
    expect(performance.now() - started).toBeLessThan(100);
    expect(attempts()).toBe(1);
    expect(error.delivered).toBe("no");
    expect(mayHaveBeenPosted(error)).toBe(false);
  });

  it("waits out a Retry-After that fits in the budget", async () => {
    const { send, attempts } = flaky([new Throttled(300)]);
    const started = performance.now();
    await expect(sendOnce(send, classify, replyBudget(2_000))).resolves.toBe("posted");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(attempts()).toBe(2);
  });

  it("stops a send still running when the budget ends, as one that may have been posted", async () => {
    let attempts = 0;
    const hanging = (): Promise<string> => {
      attempts += 1;
      return new Promise(() => undefined);
    };
    const started = performance.now();
    const error = await failureOf(sendOnce(hanging, classify, replyBudget(300)));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(attempts).toBe(1);
    expect(error.delivered).toBe("maybe");
  });

  it("sends nothing once the budget is spent (an apology after a slow refusal)", async () => {
    const { send, attempts } = flaky([]);
    const error = await failureOf(sendOnce(send, classify, replyBudget(-1)));
    expect(attempts()).toBe(0);
    expect(error.delivered).toBe("no");
  });
});

describe("neverConnected", () => {
  it("recognizes fetch's failure to connect to a closed port, and nothing else", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => {
      resolve();
    }));
    const refused: unknown = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    expect(neverConnected(refused)).toBe(true);
    expect(neverConnected(new Error("socket hang up"))).toBe(false);
    expect(neverConnected(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(false);
    expect(neverConnected(new DOMException("timed out", "TimeoutError"))).toBe(false);
  });
});
