// Connection lifecycle against the fake gateway: heartbeats, a dropped connection resumed (with
// missed events replayed), a refused resume followed by a fresh IDENTIFY, and a clean stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeDiscord } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import { askPayload } from "../support/discord-payloads.js";

const DescriptionSchema = z.object({ data: z.object({ embeds: z.array(z.object({ description: z.string() })) }) });

async function askAndRead(fake: FakeDiscord, question: string, timeoutMs = 5_000): Promise<string> {
  const interaction = askPayload(question);
  fake.dispatch("INTERACTION_CREATE", interaction);
  const request = await fake.waitForCallback(interaction.id, timeoutMs);
  return DescriptionSchema.parse(request.body).data.embeds[0]?.description ?? "";
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Discord gateway lifecycle", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    bot = await startBot(fake);
  });

  afterAll(async () => {
    await bot.adapter.stop();
    await fake.close();
  });

  it("heartbeats and gets ACKs", async () => {
    await until(() => fake.heartbeats >= 2, 3_000, "two heartbeats");
    expect(bot.adapter.isConnected()).toBe(true);
  });

  it("resumes after a dropped connection, replays what it missed, and still answers", async () => {
    fake.dropConnections(4000);
    // Dispatched while the bot is away: Discord keeps it for the session and replays it on RESUME.
    const missed = askPayload("Who launched the coalition?");
    fake.dispatch("INTERACTION_CREATE", missed);
    await until(() => fake.resumes.length === 1, 5_000, "a RESUME");
    expect(fake.resumes[0]?.accepted).toBe(true);
    expect(fake.identifies).toHaveLength(1);
    expect(DescriptionSchema.parse((await fake.waitForCallback(missed.id)).body).data.embeds[0]?.description).toMatch(/France/);

    expect(await askAndRead(fake, "Combien de pays dans la coalition ?")).toMatch(/trentaine/);
    await until(() => bot.adapter.isConnected(), 2_000, "the adapter to report connected");
    expect(bot.logs.some((line) => line.msg === "discord: shard resumed")).toBe(true);
  });

  it("re-identifies when Discord refuses to resume the session, and still answers", async () => {
    fake.forgetSessions();
    fake.dropConnections(4000);
    await until(() => fake.identifies.length === 2, 10_000, "a second IDENTIFY");
    expect(fake.resumes.at(-1)?.accepted).toBe(false);
    await until(() => fake.liveSessions === 1, 2_000, "the new session");
    expect(await askAndRead(fake, "Who launched the coalition?")).toMatch(/France/);
  });

  it("stops quickly, closing the gateway connection", async () => {
    const started = performance.now();
    await bot.adapter.stop();
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(bot.adapter.isConnected()).toBe(false);
    await until(() => fake.liveSessions === 0, 1_000, "the connection to close");
  });
});

describe("Discord stop with an answer stuck in flight", () => {
  it("gives up waiting within 3 s, inside main's shutdown budget, and closes the gateway", async () => {
    const fake = await FakeDiscord.start();
    const bot = await startBot(fake);
    try {
      fake.delayCallbacks(10_000);
      const interaction = askPayload("Who launched the coalition?");
      fake.dispatch("INTERACTION_CREATE", interaction);
      // The callback has reached Discord, which holds it: the handler is in flight.
      await fake.waitForCallback(interaction.id);
      const started = performance.now();
      await bot.adapter.stop();
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(1_400);
      expect(elapsed).toBeLessThan(3_000);
      expect(bot.adapter.isConnected()).toBe(false);
      await until(() => fake.liveSessions === 0, 1_000, "the connection to close");
    } finally {
      await fake.close();
    }
  });
});
