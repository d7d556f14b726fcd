// DISCORD_SHARDS=2: start() runs discord.js's ShardingManager, which forks two shard processes
// (TypeScript through tsx's loader) that each IDENTIFY with their own shard id. With REDIS_URL set
// (a real redis-server the test starts), the shards keep the per-user limit in it, and the
// manager's metrics include every shard's, aggregated.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMetrics } from "../../src/index.js";
import { readFeedback } from "../../src/ops/feedback-store.js";
import { eventually, RedisServer } from "../support/redis-server.js";
import { FakeDiscord } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import { askPayload } from "../support/discord-payloads.js";

describe("Discord sharding with DISCORD_SHARDS=2", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  let dataDir: string;
  let redis: RedisServer;
  const prefix = "shards-e2e:";

  beforeAll(async () => {
    redis = await RedisServer.start();
    fake = await FakeDiscord.start();
    // Each shard process builds its own conversation from the environment (shard.ts).
    dataDir = await mkdtemp(path.join(tmpdir(), "discord-shards-"));
    bot = await startBot(fake, { DISCORD_SHARDS: "2", LOG_LEVEL: "warn", DATA_DIR: dataDir, REDIS_URL: redis.url, REDIS_PREFIX: prefix });
  }, 60_000);

  afterAll(async () => {
    await bot.adapter.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
    await redis.close();
  });

  it("runs one process per shard, each identifying as its shard", () => {
    expect(bot.adapter.isConnected()).toBe(true);
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.liveSessions).toBe(2);
  });

  it("answers on the shard that owns the guild", async () => {
    const interaction = askPayload("Who launched the coalition?");
    fake.dispatch("INTERACTION_CREATE", interaction);
    const body = z
      .object({ data: z.object({ embeds: z.array(z.object({ description: z.string() })) }) })
      .parse((await fake.waitForCallback(interaction.id)).body);
    expect(body.data.embeds[0]?.description).toMatch(/France/);
    // The shard's own conversation recorded the question's outcome in DATA_DIR.
    const deadline = Date.now() + 2_000;
    let records = await readFeedback(dataDir, { logger: { warn: () => undefined } });
    while (records.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      records = await readFeedback(dataDir, { logger: { warn: () => undefined } });
    }
    expect(records).toMatchObject([{ platform: "discord", status: "answered", factId: expect.any(String) as unknown }]);
    // The shard counted the question (and kept the conversation the answer starts) in the shared
    // Redis, under the prefix, each key expiring by itself.
    const keys = await redis.ttls(prefix);
    expect(keys.map(({ key }) => key)).toContainEqual(expect.stringMatching(/^shards-e2e:limit:discord:\d+$/));
    for (const { key, pttl } of keys) expect(pttl, key).toBeGreaterThan(0);
  });

  it("serves every shard's metrics from the managing process, aggregated", async () => {
    const managing = createMetrics({ processMetrics: false });
    const collect = bot.adapter.collectMetrics?.bind(bot.adapter);
    expect(collect).toBeDefined();
    if (collect !== undefined) managing.addSource(collect);
    const series = async (name: string): Promise<number> => {
      const line = (await managing.render()).split("\n").find((l) => l.startsWith(`${name} `));
      return Number(line?.split(" ")[1] ?? Number.NaN);
    };
    expect(await series('questions_total{platform="discord",status="answered"}')).toBe(1);
    // One knowledge loaded in every process is still one knowledge.
    expect(await series("knowledge_facts")).toBe(bot.answerer.factCount);
    // 1 only when every shard is connected to Redis.
    await eventually(async () => (await series("redis_connected")) === 1, "every shard connected to Redis");
  });

  it("stops every shard process on stop()", async () => {
    const started = performance.now();
    await bot.adapter.stop();
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(bot.adapter.isConnected()).toBe(false);
    const deadline = Date.now() + 2_000;
    while (fake.liveSessions > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.liveSessions).toBe(0);
  });
});
