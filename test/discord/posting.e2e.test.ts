// Posting a reply to Discord at most once, and echoing nothing invisible: the real discord.js
// client against a fake Discord that is slow, fails with a 5xx, or gets a question full of bidi
// controls and zero-width characters.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DISCORD_REST_TIMEOUT_MS } from "../../adapters/discord/delivery.js";
import { REPLY_BUDGET_MS } from "../../src/ops/delivery.js";
import { FakeDiscord } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import { BOT_USER, messagePayload } from "../support/discord-payloads.js";

const ReplySchema = z.object({
  content: z.string().optional(),
  embeds: z.array(z.object({ title: z.string().optional(), description: z.string().optional() })).optional(),
});

let fake: FakeDiscord;
let bot: RunningBot;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startBot(fake);
});
afterAll(async () => {
  await bot.adapter.stop();
  await fake.close();
});
beforeEach(() => {
  fake.delayChannelMessages(0);
});

function mention(question: string): string {
  const message = messagePayload({ content: `<@${BOT_USER.id}> ${question}`, mentions: [BOT_USER] });
  fake.dispatch("MESSAGE_CREATE", message);
  return message.id;
}

describe("posting a reply to a mention", () => {
  it("sends a reply that times out once: no second copy, no apology under it", async () => {
    fake.delayChannelMessages(DISCORD_REST_TIMEOUT_MS + 2_000);
    const id = mention("Who launched the coalition?");
    await fake.waitForReplyTo(id);
    // Past the timeout, and long enough for a retry or an apology to have arrived, had there been one.
    await new Promise((resolve) => setTimeout(resolve, DISCORD_REST_TIMEOUT_MS + 1_500));
    expect(fake.repliesTo(id)).toHaveLength(1);
    expect(bot.rawLogs.join("\n")).toContain("may have failed; not sending it again");
  }, 20_000);

  it("retries once after a 503, which proves nothing was posted, and answers", async () => {
    fake.failNextChannelMessage(503);
    const started = performance.now();
    const id = mention("Who launched the coalition?");
    await fake.waitForRequest(() => fake.repliesTo(id).length === 2, REPLY_BUDGET_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const replies = fake.repliesTo(id).map((request) => ReplySchema.parse(request.body));
    expect(replies).toHaveLength(2);
    expect(replies[1]?.embeds?.[0]?.description).toMatch(/France/);
    expect(performance.now() - started).toBeLessThan(REPLY_BUDGET_MS);
  });

  it("apologizes after a 400, which proves nothing was posted, without sending the answer again", async () => {
    fake.failNextChannelMessage(400);
    const id = mention("Who launched the coalition?");
    await fake.waitForRequest(() => fake.repliesTo(id).length === 2, REPLY_BUDGET_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const replies = fake.repliesTo(id).map((request) => ReplySchema.parse(request.body));
    expect(replies).toHaveLength(2);
    expect(replies[1]?.embeds ?? []).toEqual([]);
    expect(replies[1]?.content).toMatch(/Sorry|Désolé/);
  });
});

describe("echoes", () => {
  it("removes bidi controls and zero-width characters from the echoed question", async () => {
    const id = mention("Who \u202Elaunched\u200B the \u2066coalition\u2069\uFEFF?");
    const reply = ReplySchema.parse((await fake.waitForReplyTo(id)).body);
    const title = reply.embeds?.[0]?.title ?? "";
    expect(title).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/);
    // U+FEFF counts as white space where mentions are taken out, so it may leave a space behind.
    expect(title).toMatch(/^Who launched the coalition ?\?$/);
  });
});
