// Black box: two `npm start` processes in Slack HTTP mode, as two instances behind a load balancer,
// sharing one REDIS_URL (a real, password-protected redis-server the test starts) and one fake
// Slack, driven only with signed HTTP requests. One person's 12 /ask alternated between them: the
// first 10 answered, the last 2 told to wait. An app_mention delivered to one and retried onto the
// other: one reply. A follow-up mention in the thread, sent to the other instance: answered in the
// context the first instance stored. Redis stopped: /ask still answered within 3 s, /healthz 200
// saying "disconnected", then "connected" within 15 s of Redis coming back. Every key has a TTL,
// and the Redis password never reaches the output.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConversationTurnSchema, DEFAULT_REDIS_PREFIX, type Answerer } from "../../src/index.js";
import { killBotProcess, spawnBotProcess, waitUntilHealthy, type BotProcess } from "../support/bot-process.js";
import { eventually, RedisServer } from "../support/redis-server.js";
import { asMessage, postedInThread, visibleText, type PostedMessage } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID, FakeSlackApi } from "../support/slack-fake-api.js";
import { realAnswerer } from "../support/slack-harness.js";
import { postEvent, postSigned, slashCommandBody, TEST_BOT_TOKEN } from "../support/slack-requests.js";

const SLACK_ACK_MS = 3_000;
const RECONNECT_PROMISE_MS = 15_000;
const START_TIMEOUT_MS = 30_000;
const REDIS_PASSWORD = "instances-test-Pa55word";
const RATE_LIMIT = 10;

const HealthSchema = z.object({ status: z.string(), redis: z.enum(["connected", "disconnected"]).optional() });
const LogLineSchema = z.looseObject({ msg: z.string(), contextTurns: z.number().optional(), platform: z.string().optional() });

interface Instance {
  readonly name: string;
  readonly bot: BotProcess;
  readonly origin: string;
  readonly dataDir: string;
}

describe("two npm start instances (Slack HTTP mode) sharing one Redis", () => {
  let redis: RedisServer;
  let slack: FakeSlackApi;
  let answerer: Answerer;
  let a: Instance;
  let b: Instance;
  let sequence = 0;

  const nextTs = (): string => `1700004000.${String((sequence += 1)).padStart(6, "0")}`;

  async function launch(name: string): Promise<Instance> {
    const dataDir = await mkdtemp(path.join(tmpdir(), `instances-${name}-`));
    const bot = await spawnBotProcess({
      slackApiUrl: slack.apiUrl,
      env: {
        LOG_LEVEL: "info",
        DATA_DIR: dataDir,
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        REDIS_URL: redis.url,
        // Set, so a developer's .env cannot change the prefix.
        REDIS_PREFIX: "",
      },
    });
    return { name, bot, origin: bot.origin, dataDir };
  }

  async function health(instance: Instance): Promise<{ code: number; body: z.infer<typeof HealthSchema> } | undefined> {
    const response = await fetch(`${instance.origin}/healthz`).catch(() => undefined);
    if (response === undefined) return undefined;
    return { code: response.status, body: HealthSchema.parse(await response.json()) };
  }

  async function ask(instance: Instance, text: string, userId: string): Promise<{ text: string; elapsedMs: number }> {
    const started = performance.now();
    const result = await postSigned(`${instance.origin}/slack/events`, {
      contentType: "application/x-www-form-urlencoded",
      body: slashCommandBody({ text, userId, responseUrl: slack.responseUrl(`instances-${nextTs()}`) }),
    });
    expect(result.status).toBe(200);
    return { text: visibleText(asMessage(result.text)), elapsedMs: performance.now() - started };
  }

  async function deliver(instance: Instance, eventId: string, event: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> {
    expect(await postEvent(`${instance.origin}/slack/events`, eventId, event, headers)).toBe(200);
  }

  const threadPosts = (channel: string, threadTs: string): PostedMessage[] => postedInThread(slack.apiCalls("chat.postMessage"), channel, threadTs);

  function logLines(instance: Instance): z.infer<typeof LogLineSchema>[] {
    return instance.bot.output().split("\n").flatMap((line) => {
      const parsed = LogLineSchema.safeParse(((): unknown => {
        try {
          return JSON.parse(line);
        } catch {
          return undefined;
        }
      })());
      return parsed.success ? [parsed.data] : [];
    });
  }

  async function expectEveryKeyToExpire(): Promise<void> {
    const keys = await redis.ttls("");
    expect(keys.length).toBeGreaterThan(0);
    for (const { key, pttl } of keys) {
      expect(key.startsWith(DEFAULT_REDIS_PREFIX), key).toBe(true);
      expect(pttl, `${key} has a TTL`).toBeGreaterThan(0);
    }
  }

  beforeAll(async () => {
    answerer = await realAnswerer();
    redis = await RedisServer.start({ password: REDIS_PASSWORD });
    slack = new FakeSlackApi();
    await slack.start();
    [a, b] = await Promise.all([launch("a"), launch("b")]);
    // Ready once each says it answers and reaches Redis.
    const connected = async (response: Response): Promise<boolean> => response.status === 200 && HealthSchema.parse(await response.json()).redis === "connected";
    await Promise.all([a, b].map((instance) => waitUntilHealthy(instance.bot, START_TIMEOUT_MS, connected, `instance ${instance.name}`)));
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      killBotProcess(instance.bot);
      await rm(instance.dataDir, { recursive: true, force: true });
    }
    await slack.stop();
    await redis.close();
  });

  it("counts one person's 12 /ask, alternated between the instances, against one limit: 10 answered, the last 2 told to wait", async () => {
    const replies: string[] = [];
    for (let index = 0; index < 12; index += 1) replies.push((await ask(index % 2 === 0 ? a : b, "combien de pays ?", "U0000001")).text);
    const expected = answerer.answer("combien de pays ?").answer;
    for (const answered of replies.slice(0, RATE_LIMIT)) expect(answered).toContain(expected);
    for (const refused of replies.slice(RATE_LIMIT)) {
      expect(refused).toMatch(/Vous posez beaucoup de questions en peu de temps : merci de réessayer dans \d+ secondes\.$/);
    }
  });

  it("answers an app_mention delivered to one instance and retried (X-Slack-Retry-Num) onto the other once", async () => {
    const ts = nextTs();
    const mention = { type: "app_mention", user: "U0000002", text: `<@${FAKE_BOT_USER_ID}> who launched the coalition?`, ts, channel: "C0000001", event_ts: ts };
    await deliver(a, "EvInstances0001", mention);
    await deliver(b, "EvInstances0001", mention, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await slack.waitFor(() => threadPosts("C0000001", ts).length >= 1, "the answer", 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a second answer, were one coming
    expect(threadPosts("C0000001", ts)).toHaveLength(1);
    expect(visibleText(threadPosts("C0000001", ts)[0] ?? { blocks: [] })).toContain(answerer.answer("who launched the coalition?").answer);
  });

  it("answers a follow-up mention in the thread, sent to the other instance, in the context the first one stored", async () => {
    const threadTs = nextTs();
    const first = "what did the British defence minister say?";
    await deliver(a, "EvInstances0002", { type: "app_mention", user: "U0000003", text: `<@${FAKE_BOT_USER_ID}> ${first}`, ts: threadTs, channel: "C0000002", event_ts: threadTs });
    await slack.waitFor(() => threadPosts("C0000002", threadTs).length === 1, "the first answer", 5_000);

    // Instance A stored the exchange in Redis, under the thread's conversation key.
    const key = `${DEFAULT_REDIS_PREFIX}conversation:slack:C0000002:${threadTs}`;
    const stored = (await redis.inspector().lrange(key, 0, -1)).map((record) => ConversationTurnSchema.parse(JSON.parse(record)));
    expect(stored).toEqual([answerer.answer(first).turn]);

    const followUp = "and the Finnish one?";
    const followUpTs = nextTs();
    await deliver(b, "EvInstances0003", { type: "app_mention", user: "U0000003", text: `<@${FAKE_BOT_USER_ID}> ${followUp}`, ts: followUpTs, thread_ts: threadTs, channel: "C0000002", event_ts: followUpTs });
    await slack.waitFor(() => threadPosts("C0000002", threadTs).length === 2, "the follow-up's answer", 5_000);
    const reply = visibleText(threadPosts("C0000002", threadTs)[1] ?? { blocks: [] });
    // What the core answers when handed the turn instance A stored: the Finnish minister's words.
    const inContext = answerer.answer(followUp, { context: stored });
    expect(reply).toContain(inContext.answer);
    expect(reply).toContain("Häkkänen");
    // The note that says what the question was read as being about shows only when context decided it.
    if (inContext.contextNote !== undefined) expect(reply).toContain(inContext.contextNote);
    // Instance B read that turn: its log line for the follow-up says it answered with one turn of context.
    await eventually(() => logLines(b).some((line) => line.msg.startsWith("question") && (line.contextTurns ?? 0) >= 1), "B's log line with context");
    expect(await redis.inspector().llen(key)).toBe(2);
  });

  it("wrote every key under REDIS_PREFIX with a TTL", async () => {
    await expectEveryKeyToExpire();
  });

  it("keeps answering /ask within 3 s with Redis stopped, /healthz 200 saying disconnected, then connected within 15 s of its return", async () => {
    await redis.stop();
    for (const instance of [a, b]) {
      const { text, elapsedMs } = await ask(instance, "how many countries?", `U-outage-${instance.name}`);
      expect(text).toContain(answerer.answer("how many countries?").answer);
      expect(elapsedMs).toBeLessThan(SLACK_ACK_MS);
    }
    for (const instance of [a, b]) {
      await eventually(async () => (await health(instance))?.body.redis === "disconnected", `${instance.name} to report Redis disconnected`);
      expect(await health(instance)).toMatchObject({ code: 200, body: { status: "ok", redis: "disconnected" } });
      // Its reconnect attempts fail meanwhile, each counted.
      await eventually(async () => /^redis_errors_total\{kind="connection"\} [1-9]/m.test(await (await fetch(`${instance.origin}/metrics`)).text()), `${instance.name} to count a Redis error`);
    }

    await redis.resume();
    const back = performance.now();
    for (const instance of [a, b]) {
      await eventually(async () => (await health(instance))?.body.redis === "connected", `${instance.name} to reconnect`, RECONNECT_PROMISE_MS);
    }
    expect(performance.now() - back).toBeLessThan(RECONNECT_PROMISE_MS);
    expect((await ask(b, "how many countries?", "U0000004")).text).toContain(answerer.answer("how many countries?").answer);
    await expectEveryKeyToExpire();

    for (const instance of [a, b]) {
      const warnings = logLines(instance).filter((line) => /Redis/.test(line.msg) && line.level === 40);
      // One warning when Redis went, one when it came back: not a line per question.
      expect(warnings.map((line) => line.msg)).toEqual([expect.stringMatching(/^lost the connection to Redis/), expect.stringMatching(/^Redis is reachable again/)]);
      expect(await (await fetch(`${instance.origin}/metrics`)).text()).toContain("redis_connected 1");
      expect(instance.bot.output()).not.toContain(REDIS_PASSWORD);
      expect(instance.bot.output()).not.toContain(TEST_BOT_TOKEN);
    }
  }, 40_000);
});
