import { describe, expect, it } from "vitest";
import { sampledWarning } from "../../src/ops/sampled-log.js";

describe("sampledWarning", () => {
  it("logs the first occurrence, then one line per interval with how many were left out", () => {
    const lines: { details: Record<string, unknown>; message: string }[] = [];
    let now = 0;
    const warn = sampledWarning({
      logger: { warn: (details, message) => lines.push({ details, message }) },
      message: "refused",
      intervalMs: 1_000,
      now: () => now,
    });
    for (let i = 0; i < 150; i += 1) {
      warn({ reason: "signature" });
      now += 10; // 150 a second
    }
    expect(lines).toEqual([
      { details: { reason: "signature" }, message: "refused" },
      { details: { reason: "signature", suppressed: 99 }, message: "refused" },
    ]);
  });
});
