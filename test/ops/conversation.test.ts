// The conversation service every adapter calls: rate limit, answer, feedback records, votes.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createConversation, type Conversation } from "../../src/conversation.js";
import { createAnswerer } from "../../src/core/answerer.js";
import type { Answerer } from "../../src/core/answerer-types.js";
import { loadKnowledge } from "../../src/core/knowledge-loader.js";
import { createLogger } from "../../src/logger.js";
import { createFeedbackStore, readFeedback } from "../../src/ops/feedback-store.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { createRateLimiter } from "../../src/ops/rate-limiter.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

let answerer: Answerer;
beforeAll(async () => {
  answerer = createAnswerer(await loadKnowledge());
});

async function setUp(options: { core?: Answerer; limit?: number } = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "conversation-"));
  dirs.push(dataDir);
  const output = new PassThrough();
  const lines: string[] = [];
  output.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const logger = createLogger({ level: "debug", pretty: false, destination: output });
  const metrics = createMetrics({ processMetrics: false });
  const conversation: Conversation = createConversation({
    answerer: options.core ?? answerer,
    logger,
    metrics,
    limiter: createRateLimiter({ limit: options.limit ?? 100 }),
    feedback: createFeedbackStore({ dataDir, recordQuestions: true, logger }),
  });
  /** Feedback writes done and log lines delivered (the stream emits them on a later tick). */
  const settled = async (): Promise<void> => {
    await conversation.flush();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const records = async () => {
    await settled();
    return readFeedback(dataDir, { logger });
  };
  return { conversation, metrics, lines, records, settled };
}

describe("conversation", () => {
  it("answers, logs one line, and records a refusal with its text but an answer without it", async () => {
    const { conversation, lines, records, settled } = await setUp();
    const answered = conversation.ask({ platform: "slack", userId: "U1", question: "qui a lancé la coalition ?" });
    const refused = conversation.ask({ platform: "slack", userId: "U1", question: "what is the price of oil?" });
    expect(answered.kind === "answer" && answered.answer.factId).toBe("coalition-founders");
    expect(refused.kind === "answer" && refused.answer.status).toBe("unknown");
    const saved = await records();
    expect(saved.map((r) => [r.status, r.question])).toEqual([
      ["answered", null],
      ["unknown", "what is the price of oil?"],
    ]);
    await settled();
    expect(lines.filter((l) => l.includes('"msg":"question answered"') || l.includes('"msg":"question refused"'))).toHaveLength(2);
  });

  it("records a did-you-mean press without inventing a question from the fact id", async () => {
    const { conversation, records } = await setUp();
    const outcome = conversation.askFact({ platform: "discord", userId: "D1", factId: "no-such-fact", language: "en" });
    expect(outcome.kind === "answer" && outcome.answer.status).toBe("unknown");
    expect((await records()).map((r) => r.question)).toEqual([null]);
  });

  it("keeps one vote per user and answer, and records a changed mind", async () => {
    const { conversation, records } = await setUp();
    for (let i = 0; i < 5; i++) await conversation.vote({ platform: "slack", userId: "U1", vote: "down", factId: "troop-numbers" });
    await conversation.vote({ platform: "slack", userId: "U2", vote: "down", factId: "troop-numbers" });
    await conversation.vote({ platform: "slack", userId: "U1", vote: "up", factId: "troop-numbers" });
    expect((await records()).map((r) => r.vote)).toEqual(["down", "down", "up"]);
  });

  it("turns a failure of the core into an honest 'unknown' and an error log, never a throw", async () => {
    const broken: Answerer = {
      ...answerer,
      answer: () => {
        throw new Error("boom");
      },
    };
    const { conversation, lines, metrics, settled } = await setUp({ core: broken });
    const outcome = conversation.ask({ platform: "discord", userId: "D1", question: "where did they meet?" });
    await settled();
    expect(outcome.kind === "answer" && outcome.answer).toMatchObject({ status: "unknown", language: "en", factId: null });
    expect(lines.some((l) => l.includes('"level":50') && l.includes("boom"))).toBe(true);
    expect(await metrics.render()).toContain('questions_total{platform="discord",status="unknown"} 1');
  });

  it("turns away a user over the limit in their language, without answering or recording", async () => {
    const { conversation, records } = await setUp({ limit: 1 });
    expect(conversation.ask({ platform: "slack", userId: "U1", question: "combien de pays ?" }).kind).toBe("answer");
    const second = conversation.ask({ platform: "slack", userId: "U1", question: "combien de soldats ?" });
    expect(second).toMatchObject({ kind: "rate-limited", language: "fr" });
    expect(conversation.ask({ platform: "slack", userId: "U2", question: "how many troops?" }).kind).toBe("answer");
    expect(await records()).toHaveLength(2);
  });
});
