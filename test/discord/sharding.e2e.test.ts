// DISCORD_SHARDS=2: start() runs discord.js's ShardingManager, which forks two shard processes
// (TypeScript through tsx's loader) that each IDENTIFY with their own shard id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeDiscord } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import { askPayload } from "../support/discord-payloads.js";

describe("Discord sharding with DISCORD_SHARDS=2", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    bot = await startBot(fake, { DISCORD_SHARDS: "2", LOG_LEVEL: "warn" });
  }, 60_000);

  afterAll(async () => {
    await bot.adapter.stop();
    await fake.close();
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
