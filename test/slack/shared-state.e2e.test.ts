// Two instances of the Slack app (the real Bolt app, real core) behind one "load balancer", sharing
// one real redis-server and one fake Slack: an event Slack retries onto the other instance is
// answered once, so is one message delivered under two event ids, whichever instance gets each;
// the per-user limit counts across both; and every key they wrote carries the prefix and a TTL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEN_KEY_TTL_MS } from "../../adapters/slack/dedupe.js";
import {
  connectSharedRedis,
  createLogger,
  createRateLimiter,
  readRedisConfig,
  type RedisConfig,
  type SharedRedis,
} from "../../src/index.js";
import { eventually, RedisServer } from "../support/redis-server.js";
import { asMessage, postedInThread, visibleText, type PostedMessage } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID, FakeSlackApi } from "../support/slack-fake-api.js";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { postEvent, postSigned, slashCommandBody } from "../support/slack-requests.js";

const PREFIX = "slack-e2e:";
const LIMIT = 4;

describe("two Slack instances sharing one Redis", () => {
  let server: RedisServer;
  let fake: FakeSlackApi;
  let config: RedisConfig;
  const connections: SharedRedis[] = [];
  let a: SharedHarness;
  let b: SharedHarness;
  let sequence = 0;

  interface SharedHarness {
    readonly harness: SlackHarness;
    readonly redis: SharedRedis;
  }

  async function instance(): Promise<SharedHarness> {
    const redis = connectSharedRedis(config, { logger: createLogger({ level: "silent", pretty: false }) });
    connections.push(redis);
    await eventually(() => redis.isConnected(), "the instance's Redis connection");
    // Each instance has its own limiter object, as each process would, counting in the one Redis.
    const harness = await startSlackHarness({ fake, redis, conversation: { limiter: createRateLimiter({ limit: LIMIT, redis }) } });
    return { harness, redis };
  }

  const nextTs = (): string => `1700003000.${String((sequence += 1)).padStart(6, "0")}`;

  async function deliver(to: SharedHarness, eventId: string, event: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> {
    expect(await postEvent(to.harness.eventsUrl, eventId, event, headers)).toBe(200);
  }

  const threadReplies = (channel: string, threadTs: string): PostedMessage[] => postedInThread(fake.apiCalls("chat.postMessage"), channel, threadTs);

  /** Long enough for a second answer, were one coming, to have been posted. */
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

  beforeAll(async () => {
    server = await RedisServer.start();
    const parsed = readRedisConfig({ REDIS_URL: server.url, REDIS_PREFIX: PREFIX });
    if (parsed === undefined) throw new Error("REDIS_URL was set");
    config = parsed;
    fake = new FakeSlackApi();
    await fake.start();
    a = await instance();
    b = await instance();
  }, 30_000);

  afterAll(async () => {
    await a.harness.close();
    await b.harness.close();
    await Promise.all(connections.map((redis) => redis.close()));
    await fake.stop();
    await server.close();
  });

  it("answers an app_mention delivered to one instance and retried (X-Slack-Retry-Num) onto the other once", async () => {
    const ts = nextTs();
    const mention = { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> combien de pays ?`, ts, channel: "C0000001", event_ts: ts };
    await deliver(a, "EvShared0001", mention);
    await deliver(b, "EvShared0001", mention, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await deliver(a, "EvShared0001", mention, { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" });
    await fake.waitFor(() => threadReplies("C0000001", ts).length >= 1, "the answer");
    await settle();
    expect(threadReplies("C0000001", ts)).toHaveLength(1);
    expect(visibleText(threadReplies("C0000001", ts)[0] ?? { blocks: [] })).toContain(a.harness.answerer.answer("combien de pays ?").answer);
    expect(b.harness.logs.text).toContain("ignoring a redelivered Slack event");
  });

  it("answers one message once when it arrives under two event ids, one on each instance at the same moment", async () => {
    const ts = nextTs();
    const mention = { type: "app_mention", user: "U0000003", text: `<@${FAKE_BOT_USER_ID}> who launched the coalition?`, ts, channel: "C0000002", event_ts: ts };
    await Promise.all([deliver(a, "EvShared0002", mention), deliver(b, "EvShared0003", mention)]);
    await fake.waitFor(() => threadReplies("C0000002", ts).length >= 1, "the answer");
    await settle();
    expect(threadReplies("C0000002", ts)).toHaveLength(1);
  });

  it("counts one person's /ask on both instances against one limit", async () => {
    const texts: string[] = [];
    for (let index = 0; index < LIMIT + 2; index += 1) {
      const to = index % 2 === 0 ? a : b;
      const result = await postSigned(to.harness.eventsUrl, {
        contentType: "application/x-www-form-urlencoded",
        body: slashCommandBody({ text: "combien de pays ?", userId: "U0000009", responseUrl: fake.responseUrl(`shared-${index}`) }),
      });
      texts.push(visibleText(asMessage(result.text)));
    }
    expect(texts.slice(0, LIMIT).every((text) => text.includes("une trentaine de pays"))).toBe(true);
    for (const refused of texts.slice(LIMIT)) expect(refused).toMatch(/Vous posez beaucoup de questions en peu de temps : merci de réessayer dans \d+ secondes/);
  });

  it("wrote every key under REDIS_PREFIX with a TTL: the event ids and messages for an hour, limits for a minute", async () => {
    const keys = await server.ttls("");
    expect(keys.length).toBeGreaterThan(0);
    for (const { key, pttl } of keys) {
      expect(key.startsWith(PREFIX), key).toBe(true);
      expect(pttl, key).toBeGreaterThan(0);
    }
    const seen = keys.filter(({ key }) => key.startsWith(`${PREFIX}slack:seen:`));
    expect(seen.map(({ key }) => key)).toEqual(
      expect.arrayContaining([`${PREFIX}slack:seen:event:EvShared0001`, expect.stringMatching(/^slack-e2e:slack:seen:message:C0000001:/)]),
    );
    for (const { key, pttl } of seen) expect(pttl, key).toBeGreaterThan(SEEN_KEY_TTL_MS - 60_000);
    for (const { key, pttl } of keys.filter(({ key }) => key.startsWith(`${PREFIX}limit:`))) expect(pttl, key).toBeLessThanOrEqual(60_000);
  });
});
