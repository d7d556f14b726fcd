// The conversation service every adapter calls: rate limit, answer, feedback records, votes.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryConversationMemory, type ConversationMemory } from "../../src/conversation-memory.js";
import { createConversation, type Conversation } from "../../src/conversation.js";
import type { ConversationTurn } from "../../src/core/answer-schema.js";
import { createAnswerer } from "../../src/core/answerer.js";
import type { Answerer } from "../../src/core/answerer-types.js";
import { loadKnowledge } from "../../src/core/knowledge-loader.js";
import { createLogger } from "../../src/logger.js";
import { createFeedbackStore, readFeedback } from "../../src/ops/feedback-store.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { createRateLimiter } from "../../src/ops/rate-limiter.js";
import { recordingAnswerer, turnsOf } from "../support/recording-answerer.js";

const dirs: string[] = [];
const open: Conversation[] = [];
afterEach(async () => {
  // Feedback records are written after the answer; a folder removed under them fails the test.
  await Promise.all(open.splice(0).map((conversation) => conversation.flush()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

let answerer: Answerer;
beforeAll(async () => {
  answerer = createAnswerer(await loadKnowledge());
});

async function setUp(options: { core?: Answerer; limit?: number; memory?: ConversationMemory } = {}) {
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
    ...(options.memory === undefined ? {} : { memory: options.memory }),
  });
  open.push(conversation);
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
    const answered = await conversation.ask({ platform: "slack", userId: "U1", question: "qui a lancé la coalition ?" });
    const refused = await conversation.ask({ platform: "slack", userId: "U1", question: "what is the price of oil?" });
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
    const outcome = await conversation.askFact({ platform: "discord", userId: "D1", factId: "no-such-fact", language: "en" });
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
    const outcome = await conversation.ask({ platform: "discord", userId: "D1", question: "where did they meet?" });
    await settled();
    expect(outcome.kind === "answer" && outcome.answer).toMatchObject({ status: "unknown", language: "en", factId: null });
    expect(lines.some((l) => l.includes('"level":50') && l.includes("boom"))).toBe(true);
    expect(await metrics.render()).toContain('questions_total{platform="discord",status="unknown"} 1');
  });

  it("turns away a user over the limit in their language, without answering or recording", async () => {
    const { conversation, records } = await setUp({ limit: 1 });
    expect((await conversation.ask({ platform: "slack", userId: "U1", question: "combien de pays ?" })).kind).toBe("answer");
    const second = await conversation.ask({ platform: "slack", userId: "U1", question: "combien de soldats ?" });
    expect(second).toMatchObject({ kind: "rate-limited", language: "fr" });
    expect((await conversation.ask({ platform: "slack", userId: "U2", question: "how many troops?" })).kind).toBe("answer");
    expect(await records()).toHaveLength(2);
  });

  it("turns away in the language the core would have answered in: 'troops?' gets an English notice", async () => {
    const { conversation } = await setUp({ limit: 1 });
    await conversation.ask({ platform: "discord", userId: "D9", question: "combien de pays ?" });
    expect(await conversation.ask({ platform: "discord", userId: "D9", question: "troops?" })).toMatchObject({ kind: "rate-limited", language: "en" });
  });

  it("answers an empty message, 'help' and 'aide' with the help, without counting them as questions", async () => {
    const { conversation, metrics } = await setUp({ limit: 1 });
    const empty = await conversation.ask({ platform: "slack", userId: "U1", question: "  " });
    const hinted = await conversation.ask({ platform: "discord", userId: "D1", question: "", languageHint: "fr" });
    const aide = await conversation.ask({ platform: "slack", userId: "U1", question: "Aide" });
    expect(empty).toMatchObject({ kind: "help", help: { language: "en" } });
    expect(hinted).toMatchObject({ kind: "help", help: { language: "fr" } });
    expect(aide.kind === "help" && aide.help.topics).toEqual(answerer.topics("fr"));
    expect(await metrics.render()).toContain('questions_total{platform="slack",status="answered"} 0');
    // Help is not held to the limit either: the first real question still gets through.
    expect((await conversation.ask({ platform: "slack", userId: "U1", question: "combien de pays ?" })).kind).toBe("answer");
  });
});

describe("conversation: follow-up context", () => {
  const turn = (question: string, factId: string | null = "troop-numbers"): ConversationTurn => ({ question, factId, entities: [], language: "en" });

  it("hands the core the turns it returned earlier in the same conversation, and none to another", async () => {
    const core = recordingAnswerer(answerer);
    const { conversation } = await setUp({ core });
    const thread = { key: "slack:C1:1700000000.000100" };
    await conversation.ask({ platform: "slack", userId: "U1", question: "what did the British minister say?", conversation: thread });
    await conversation.ask({ platform: "slack", userId: "U2", question: "and the Finnish one?", conversation: thread });
    await conversation.ask({ platform: "slack", userId: "U1", question: "how many countries?", conversation: { key: "slack:C1:other" } });
    await conversation.ask({ platform: "slack", userId: "U1", question: "how many countries?" });
    const [first, second, elsewhere, alone] = core.questions;
    expect(first?.context).toEqual([]);
    expect(second?.context).toEqual(turnsOf([first?.answer].flatMap((a) => (a ? [a] : []))));
    expect(elsewhere?.context).toEqual([]);
    expect(alone?.context).toEqual([]);
  });

  it("passes the remembered turns to the core, oldest first, and remembers each new turn as the core gave it", async () => {
    const memory = createInMemoryConversationMemory();
    await memory.append("discord:dm:1", turn("how many troops?"));
    await memory.append("discord:dm:1", turn("since when?", null));
    const core = recordingAnswerer(answerer);
    const { conversation } = await setUp({ core, memory });
    const outcome = await conversation.ask({ platform: "discord", userId: "D1", question: "et combien de pays ?", conversation: { key: "discord:dm:1" } });
    expect(core.questions[0]?.context.map((t) => t.question)).toEqual(["how many troops?", "since when?"]);
    const given = outcome.kind === "answer" ? outcome.answer.turn : undefined;
    expect((await memory.get("discord:dm:1")).map((t) => t.question)).toEqual(["how many troops?", "since when?", ...(given ? [given.question] : [])]);
  });

  it("carries a reply chain on: a reply continues the earlier question's turns under its own key", async () => {
    const memory = createInMemoryConversationMemory();
    await memory.append("discord:message:1", turn("how many troops?"));
    const core = recordingAnswerer(answerer);
    const { conversation } = await setUp({ core, memory });
    await conversation.ask({ platform: "discord", userId: "D1", question: "since when?", conversation: { key: "discord:message:2", continues: "discord:message:1" } });
    expect(core.questions[0]?.context.map((t) => t.question)).toEqual(["how many troops?"]);
    const carried = await memory.get("discord:message:2");
    expect(carried[0]?.question).toBe("how many troops?");
    expect(await memory.get("discord:message:1")).toHaveLength(1);
  });

  it("knows a conversation is active only while it has turns", async () => {
    let now = 1_000; // lru-cache reads a start time of 0 as "no expiry"
    const memory = createInMemoryConversationMemory({ now: () => now });
    const { conversation } = await setUp({ memory });
    expect(await conversation.isActive("slack:C1:1.1")).toBe(false);
    await memory.append("slack:C1:1.1", turn("how many troops?"));
    expect(await conversation.isActive("slack:C1:1.1")).toBe(true);
    now += 31 * 60_000;
    expect(await conversation.isActive("slack:C1:1.1")).toBe(false);
  });

  it("does not remember a turn that does not fit the schema, and answers when the memory fails", async () => {
    const memory = createInMemoryConversationMemory();
    const oversized: Answerer = { ...answerer, answer: (q, o) => ({ ...answerer.answer(q, o), turn: { ...turn(q), entities: Array.from({ length: 50 }, (_, i) => `e${i}`) } }) };
    const { conversation, lines, settled } = await setUp({ core: oversized, memory });
    await conversation.ask({ platform: "slack", userId: "U1", question: "how many troops?", conversation: { key: "slack:D1" } });
    expect(await memory.get("slack:D1")).toEqual([]);
    const failing: ConversationMemory = {
      get: () => Promise.reject(new Error("store down")),
      append: () => Promise.reject(new Error("store down")),
    };
    const broken = await setUp({ memory: failing });
    const outcome = await broken.conversation.ask({ platform: "slack", userId: "U1", question: "how many troops?", conversation: { key: "slack:D1" } });
    expect(outcome.kind === "answer" && outcome.answer.status).toBe("answered");
    await Promise.all([settled(), broken.settled()]);
    expect(lines.some((l) => l.includes("does not fit ConversationTurnSchema"))).toBe(true);
    expect(broken.lines.some((l) => l.includes("answering without them"))).toBe(true);
  });
});
