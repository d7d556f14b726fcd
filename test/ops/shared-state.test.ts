// Shared state against a real redis-server that the test starts itself (no mock): the per-user
// limit shared by two conversation services, conversation turns written by one instance and read by
// another (a follow-up answered in that context; malformed records skipped), Redis killed mid-run, paused, or absent at start (answers keep
// coming from process memory, one warning each way, errors counted, health says so), and a TTL on
// every key written.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedisConversationMemory } from "../../src/conversation-memory-redis.js";
import { DEFAULT_CONVERSATION_TTL_MS, DEFAULT_MAX_TURNS } from "../../src/conversation-memory.js";
import { createConversationFromConfig, type ProductionConversation } from "../../src/conversation.js";
import type { ConversationTurn } from "../../src/core/answer-schema.js";
import { createAnswerer } from "../../src/core/answerer.js";
import type { Answerer } from "../../src/core/answerer-types.js";
import { loadKnowledge } from "../../src/core/knowledge-loader.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { checkHealth } from "../../src/ops/health.js";
import { readRedisConfig, type RedisConfig } from "../../src/ops/redis-config.js";
import { connectSharedRedis, REDIS_TIMINGS, type SharedRedis } from "../../src/ops/redis.js";
import { eventually, RedisServer } from "../support/redis-server.js";

/** Slack's deadline for an acknowledgement; a question answered from memory must stay well inside it. */
const ANSWER_BUDGET_MS = 1_500;
const QUESTION = "combien de pays dans la coalition ?";

let server: RedisServer;
let answerer: Answerer;
let prefixCount = 0;
const dirs: string[] = [];
const running: ProductionConversation[] = [];
const connections: SharedRedis[] = [];

beforeAll(async () => {
  server = await RedisServer.start();
  answerer = createAnswerer(await loadKnowledge());
}, 30_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map(async ({ conversation, redis }) => {
    await conversation.flush();
    await redis?.close();
  }));
  await Promise.all(connections.splice(0).map((redis) => redis.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  await server.resume(); // a test that killed it leaves it running for the next
});

afterAll(async () => {
  await server.close();
});

/** A prefix of the test's own, so each test sees only the keys it wrote. */
function uniquePrefix(): string {
  prefixCount += 1;
  return `test-${process.pid}-${prefixCount}:`;
}

function redisConfig(url: string, prefix: string): RedisConfig {
  const config = readRedisConfig({ REDIS_URL: url, REDIS_PREFIX: prefix });
  if (config === undefined) throw new Error("REDIS_URL was set");
  return config;
}

interface CapturedLogger {
  readonly logger: Logger;
  /** Every line so far, parsed (lines reach the stream a tick after they are logged). */
  lines(): Promise<Record<string, unknown>[]>;
}

function capturedLogger(): CapturedLogger {
  const output = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  output.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim() !== "") lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return {
    logger: createLogger({ level: "debug", pretty: false, destination: output }),
    lines: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return lines;
    },
  };
}

/** One instance's conversation, as `npm start` builds it, sharing `config`'s Redis. */
async function instance(config: RedisConfig, logger: Logger, limit = 10): Promise<ProductionConversation> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "shared-state-"));
  dirs.push(dataDir);
  const built = createConversationFromConfig(answerer, logger, { rateLimitPerMinute: limit, dataDir, recordQuestions: false, redis: config });
  running.push(built);
  return built;
}

/** Two instances sharing one Redis under a prefix of their own, once both are connected. */
async function twoInstances(): Promise<{ config: RedisConfig; a: ProductionConversation; b: ProductionConversation }> {
  const config = redisConfig(server.url, uniquePrefix());
  const { logger } = capturedLogger();
  const a = await instance(config, logger);
  const b = await instance(config, logger);
  await eventually(() => connected(a).isConnected() && connected(b).isConnected(), "both instances to connect");
  return { config, a, b };
}

function connected(built: ProductionConversation): SharedRedis {
  if (built.redis === undefined) throw new Error("built without Redis");
  return built.redis;
}

async function metric(built: ProductionConversation, series: string): Promise<number> {
  const line = (await built.metrics.render()).split("\n").find((l) => l.startsWith(`${series} `));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

function turn(question: string, factId: string | null = "coalition-size"): ConversationTurn {
  return { question, factId, entities: [], language: "en" };
}

describe("the per-user limit in Redis", () => {
  it("is shared by two conversation services: 12 questions alternated between them, the first 10 answered, the last 2 told to wait", async () => {
    const { config, a, b } = await twoInstances();

    const kinds: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const outcome = await (index % 2 === 0 ? a : b).conversation.ask({ platform: "slack", userId: "U0000001", question: QUESTION });
      kinds.push(outcome.kind);
      if (outcome.kind === "rate-limited") expect(outcome.retryAfterMs).toBeGreaterThan(50_000);
    }
    expect(kinds).toEqual([...Array<string>(10).fill("answer"), "rate-limited", "rate-limited"]);
    // Someone else, and the same person on the other platform, have their own allowance.
    expect((await b.conversation.ask({ platform: "slack", userId: "U0000002", question: QUESTION })).kind).toBe("answer");
    expect((await a.conversation.ask({ platform: "discord", userId: "U0000001", question: QUESTION })).kind).toBe("answer");

    const keys = await server.ttls(config.prefix);
    expect(keys.map((k) => k.key).sort()).toEqual(
      [`${config.prefix}limit:discord:U0000001`, `${config.prefix}limit:slack:U0000001`, `${config.prefix}limit:slack:U0000002`].sort(),
    );
    for (const { key, pttl } of keys) {
      expect(pttl, key).toBeGreaterThan(0);
      expect(pttl, key).toBeLessThanOrEqual(60_000);
    }
  });
});

describe("conversation context in Redis", () => {
  it("is written by one instance and read by another: the last turns, oldest first, expiring 30 minutes after the latest", async () => {
    const config = redisConfig(server.url, uniquePrefix());
    const { logger } = capturedLogger();
    const first = connectSharedRedis(config, { logger });
    const second = connectSharedRedis(config, { logger });
    connections.push(first, second);
    await eventually(() => first.isConnected() && second.isConnected(), "both connections");
    const writer = createRedisConversationMemory({ redis: first, logger });
    const reader = createRedisConversationMemory({ redis: second, logger });

    for (let index = 1; index <= DEFAULT_MAX_TURNS + 2; index += 1) await writer.append("slack:C1:1700000000.000100", turn(`question ${index}`));
    expect((await reader.get("slack:C1:1700000000.000100")).map((t) => t.question)).toEqual([
      "question 3",
      "question 4",
      "question 5",
      "question 6",
      "question 7",
    ]);
    expect(await reader.get("slack:C1:another-thread")).toEqual([]);

    const [stored] = await server.ttls(config.prefix);
    expect(stored?.key).toBe(`${config.prefix}conversation:slack:C1:1700000000.000100`);
    expect(stored?.pttl).toBeGreaterThan(DEFAULT_CONVERSATION_TTL_MS - 60_000);
    expect(stored?.pttl).toBeLessThanOrEqual(DEFAULT_CONVERSATION_TTL_MS);
  });

  it("carries a follow-up asked on another conversation service: the core there is handed the turn the first one stored", async () => {
    const { config, a, b } = await twoInstances();
    const conversation = { key: "slack:C0000001:1700005000.000100" };

    const first = await a.conversation.ask({ platform: "slack", userId: "U1", question: "what did the British defence minister say?", conversation });
    if (first.kind !== "answer") throw new Error(`expected an answer, got ${first.kind}`);
    const firstTurn = first.answer.turn;
    if (firstTurn === undefined) throw new Error("the core gave the first answer no turn to remember");
    const followUp = await b.conversation.ask({ platform: "slack", userId: "U2", question: "and the Finnish one?", conversation });
    if (followUp.kind !== "answer") throw new Error(`expected an answer, got ${followUp.kind}`);
    // Exactly what the core answers when handed the first turn: the Finnish minister's words.
    expect(followUp.answer).toEqual(answerer.answer("and the Finnish one?", { context: [firstTurn] }));
    expect(followUp.answer.answer).toContain("Häkkänen");
    const stored = await server.inspector().lrange(`${config.prefix}conversation:${conversation.key}`, 0, -1);
    expect(stored.map((record) => JSON.parse(record) as unknown)).toEqual([firstTurn, followUp.answer.turn]);
  });

  it("skips a stored record that is not JSON or does not fit ConversationTurnSchema, with a warning, never an error", async () => {
    const config = redisConfig(server.url, uniquePrefix());
    const captured = capturedLogger();
    const redis = connectSharedRedis(config, { logger: captured.logger });
    connections.push(redis);
    await eventually(() => redis.isConnected(), "the connection");
    const memory = createRedisConversationMemory({ redis, logger: captured.logger });
    const key = `${config.prefix}conversation:discord:dm:42`;
    await memory.append("discord:dm:42", turn("how many countries?"));
    await server.inspector().rpush(key, "{not json", JSON.stringify({ question: 5 }), JSON.stringify({ ...turn("x"), language: "de" }));
    await memory.append("discord:dm:42", turn("since when?", null));

    expect((await memory.get("discord:dm:42")).map((t) => t.question)).toEqual(["how many countries?", "since when?"]);
    const warnings = (await captured.lines()).filter((line) => line.level === 40);
    expect(warnings).toEqual([expect.objectContaining({ skipped: 3 })]);
  });
});

describe("Redis unavailable", () => {
  it("killed mid-run and restarted: answers keep coming from memory, one warning each way, errors counted, health flips", async () => {
    const config = redisConfig(server.url, uniquePrefix());
    const captured = capturedLogger();
    const bot = await instance(config, captured.logger, 3);
    const redis = connected(bot);
    await eventually(() => redis.isConnected(), "the connection");
    const health = () => checkHealth({ knowledgeFacts: answerer.factCount, platforms: [], redis });
    expect(health()).toMatchObject({ status: "ok", redis: "connected" });
    expect((await bot.conversation.ask({ platform: "slack", userId: "U1", question: QUESTION })).kind).toBe("answer");

    await server.kill();
    await eventually(() => !redis.isConnected(), "the client to notice");
    expect(health()).toMatchObject({ status: "ok", redis: "disconnected" });
    // The limit still holds, counted in this process meanwhile: 3 answered, the 4th told to wait.
    const kinds: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const started = performance.now();
      const outcome = await bot.conversation.ask({ platform: "slack", userId: "U2", question: QUESTION, conversation: { key: "slack:C1:1.1" } });
      expect(performance.now() - started).toBeLessThan(ANSWER_BUDGET_MS);
      kinds.push(outcome.kind);
    }
    expect(kinds).toEqual(["answer", "answer", "answer", "rate-limited"]);
    await eventually(async () => (await metric(bot, 'redis_errors_total{kind="connection"}')) >= 2, "reconnect errors to be counted");
    expect(await metric(bot, "redis_connected")).toBe(0);

    await server.resume();
    const back = performance.now();
    await eventually(() => redis.isConnected(), "the client to reconnect", 15_000);
    expect(performance.now() - back).toBeLessThan(REDIS_TIMINGS.reconnectMaxDelayMs + 2_000);
    expect(health()).toMatchObject({ status: "ok", redis: "connected" });
    expect(await metric(bot, "redis_connected")).toBe(1);
    expect((await bot.conversation.ask({ platform: "slack", userId: "U1", question: QUESTION })).kind).toBe("answer");
    expect(await server.ttls(config.prefix)).toEqual([{ key: `${config.prefix}limit:slack:U1`, pttl: expect.any(Number) as number }]);

    const lines = await captured.lines();
    const messages = lines.filter((line) => line.level === 40).map((line) => String(line.msg));
    expect(messages).toEqual([
      expect.stringMatching(/^lost the connection to Redis; .* use this process's memory until it is back$/),
      expect.stringMatching(/^Redis is reachable again/),
    ]);
  }, 30_000);

  it("paused (accepting connections, answering nothing): a question waits at most one command timeout, then memory answers at once", async () => {
    const config = redisConfig(server.url, uniquePrefix());
    const captured = capturedLogger();
    const bot = await instance(config, captured.logger);
    const redis = connected(bot);
    await eventually(() => redis.isConnected(), "the connection");
    server.pause();
    try {
      const timings: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const started = performance.now();
        const outcome = await bot.conversation.ask({ platform: "discord", userId: "D1", question: QUESTION, conversation: { key: "discord:dm:1" } });
        timings.push(performance.now() - started);
        expect(outcome.kind).toBe("answer");
      }
      expect(timings[0]).toBeLessThan(REDIS_TIMINGS.commandTimeoutMs * 3 + 500);
      for (const later of timings.slice(1)) expect(later).toBeLessThan(100);
      expect(await metric(bot, 'redis_errors_total{kind="command"}')).toBeGreaterThanOrEqual(1);
      expect(health(redis)).toBe("disconnected");
    } finally {
      server.unpause();
    }
    await eventually(() => redis.isConnected(), "the client to reconnect", 15_000);
  }, 30_000);

  it("unreachable at start: the bot answers from memory, warns once, and connects when Redis comes up", async () => {
    const later = await RedisServer.prepare();
    try {
      const config = redisConfig(later.url, uniquePrefix());
      const captured = capturedLogger();
      const bot = await instance(config, captured.logger);
      const redis = connected(bot);
      await redis.settled();
      for (let index = 0; index < 3; index += 1) {
        const started = performance.now();
        expect((await bot.conversation.ask({ platform: "slack", userId: "U1", question: QUESTION })).kind).toBe("answer");
        expect(performance.now() - started).toBeLessThan(ANSWER_BUDGET_MS);
      }
      await later.resume();
      await eventually(() => redis.isConnected(), "the first connection", 15_000);
      const messages = (await captured.lines()).filter((line) => line.level === 40).map((line) => String(line.msg));
      expect(messages).toEqual([expect.stringMatching(/^cannot reach Redis; /), expect.stringMatching(/^Redis is reachable again/)]);
    } finally {
      await later.close();
    }
  }, 30_000);
});

function health(redis: SharedRedis): string | undefined {
  return checkHealth({ knowledgeFacts: 1, platforms: [], redis }).redis;
}
