// Operations through the fake Discord: the per-user rate limit on every question path, 👍 / 👎
// votes recorded in the feedback file, and failures talking to Discord counted.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createRateLimiter } from "../../src/index.js";
import { readFeedback } from "../../src/ops/feedback-store.js";
import { FakeDiscord, type RecordedRequest } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import {
  ALICE,
  BOT_USER,
  CHANNEL_ID,
  askPayload,
  buttonPressPayload,
  messageContextPayload,
  messagePayload,
  sentMessagePayload,
  type UserPayload,
} from "../support/discord-payloads.js";

const EPHEMERAL = 64;
const NO_PINGS = { parse: [], replied_user: false };

const BOB: UserPayload = { id: "1300000000000000101", username: "bob", discriminator: "0", global_name: "Bob", avatar: null };

const BodySchema = z.object({
  content: z.string().optional(),
  embeds: z.array(z.object({ title: z.string().optional(), description: z.string().optional() })).optional(),
  components: z
    .array(z.object({ components: z.array(z.object({ custom_id: z.string(), emoji: z.object({ name: z.string() }).optional() })) }))
    .optional(),
  flags: z.number().optional(),
  allowed_mentions: z.unknown().optional(),
  message_reference: z.object({ message_id: z.string() }).optional(),
});
type Body = z.infer<typeof BodySchema>;
const CallbackSchema = z.object({ type: z.number(), data: BodySchema });

function callback(request: RecordedRequest): { type: number; body: Body } {
  const parsed = CallbackSchema.parse(request.body);
  return { type: parsed.type, body: parsed.data };
}

async function settle(ms = 100): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** The value of one Prometheus series, e.g. questions_total{platform="discord",status="rate_limited"}. */
async function metric(bot: RunningBot, series: string): Promise<number> {
  const line = (await bot.metrics.render()).split("\n").find((l) => l.startsWith(`${series} `));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

describe("Discord: the per-user rate limit", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    bot = await startBot(fake, {}, { limiter: createRateLimiter({ limit: 3, windowMs: 60_000 }) });
  });

  afterAll(async () => {
    vi.useRealTimers();
    await bot.adapter.stop();
    await fake.close();
  });

  it("answers N questions across /ask, a mention and \"Ask the article\", then tells that user alone, politely, when to retry", async () => {
    const ask = askPayload("Who launched the coalition?");
    fake.dispatch("INTERACTION_CREATE", ask);
    expect(callback(await fake.waitForCallback(ask.id)).body.embeds).toHaveLength(1);
    const mention = messagePayload({ content: `<@${BOT_USER.id}> who launched the coalition?`, mentions: [BOT_USER] });
    fake.dispatch("MESSAGE_CREATE", mention);
    expect(BodySchema.parse((await fake.waitForReplyTo(mention.id)).body).embeds).toHaveLength(1);
    const context = messageContextPayload(messagePayload({ content: "Combien de pays dans la coalition ?" }), { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", context);
    expect(callback(await fake.waitForCallback(context.id)).body.embeds).toHaveLength(1);

    const over = askPayload("Who launched the coalition?");
    fake.dispatch("INTERACTION_CREATE", over);
    const notice = callback(await fake.waitForCallback(over.id));
    expect(notice.type).toBe(4);
    expect(notice.body.flags).toBe(EPHEMERAL);
    expect(notice.body.content).toBe("You are asking a lot of questions in a short time: please try again in 60 seconds.");
    expect(notice.body.embeds ?? []).toEqual([]);
    expect(notice.body.allowed_mentions).toEqual(NO_PINGS);
    await settle();
    expect(fake.callbacksFor(over.id)).toHaveLength(1); // answered once: the notice, never the answer too
  });

  it("over the limit, a did-you-mean press gets the ephemeral notice too", async () => {
    const sent = sentMessagePayload(CHANNEL_ID, { embeds: [], components: [] });
    const press = buttonPressPayload("dym:fr:coalition", sent, { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", press);
    const notice = callback(await fake.waitForCallback(press.id));
    expect(notice.body.flags).toBe(EPHEMERAL);
    expect(notice.body.content).toMatch(/^Vous posez beaucoup de questions en peu de temps : merci de réessayer dans 60 secondes\.$/);
  });

  it("over the limit, a mention gets one reply with the notice, pinging nobody", async () => {
    const mention = messagePayload({ content: `<@${BOT_USER.id}> Qui a lancé la coalition ?`, mentions: [BOT_USER] });
    fake.dispatch("MESSAGE_CREATE", mention);
    const reply = BodySchema.parse((await fake.waitForReplyTo(mention.id)).body);
    expect(reply.content).toMatch(/^Vous posez beaucoup de questions/);
    expect(reply.embeds ?? []).toEqual([]);
    expect(reply.allowed_mentions).toEqual(NO_PINGS);
    await settle();
    const replies = fake.requests.filter((r) => BodySchema.safeParse(r.body).data?.message_reference?.message_id === mention.id);
    expect(replies).toHaveLength(1);
  });

  it("leaves another user unaffected, and lets the first ask again once the window has passed", async () => {
    const fromBob = askPayload("Who launched the coalition?", { user: BOB });
    fake.dispatch("INTERACTION_CREATE", fromBob);
    const bobs = callback(await fake.waitForCallback(fromBob.id));
    expect(bobs.body.embeds?.[0]?.description).toMatch(/France/);
    expect(bobs.body.flags ?? 0).toBe(0);

    // The limiter (rate-limiter-flexible) reads Date.now; only Date is moved, every timer stays real.
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true, now: Date.now() + 60_001 });
    const again = askPayload("Who launched the coalition?", { user: ALICE });
    fake.dispatch("INTERACTION_CREATE", again);
    expect(callback(await fake.waitForCallback(again.id)).body.embeds?.[0]?.description).toMatch(/France/);

    expect(await metric(bot, 'questions_total{platform="discord",status="rate_limited"}')).toBe(3);
    expect(await metric(bot, 'questions_total{platform="discord",status="answered"}')).toBe(5);
    expect(bot.logs.filter((line) => line.status === "rate_limited" && line.platform === "discord")).toHaveLength(3);
  });
});

describe("Discord: 👍 / 👎 feedback", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "discord-feedback-"));
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    bot = await startBot(fake, {}, { dataDir });
  });

  afterAll(async () => {
    vi.useRealTimers();
    await bot.adapter.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Asks with /ask and returns the callback's message as Discord would hand it back on a press. */
  async function askAndGetMessage(question: string, locale: string): Promise<{ body: Body; sent: Record<string, unknown> }> {
    const interaction = askPayload(question, { locale });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const request = await fake.waitForCallback(interaction.id);
    return { body: callback(request).body, sent: sentMessagePayload(CHANNEL_ID, CallbackSchema.parse(request.body).data) };
  }

  it("records a 👍 press with the fact id and thanks the presser privately, leaving the answer as it was", async () => {
    const question = "Who launched the coalition?";
    const expected = bot.answerer.answer(question);
    expect(expected.status).toBe("answered");
    const { body, sent } = await askAndGetMessage(question, "en-US");
    const up = body.components?.[0]?.components.find((button) => button.emoji?.name === "👍");
    expect(up?.custom_id).toBe(`fb:up:${expected.factId}`);

    const press = buttonPressPayload(up?.custom_id ?? "", sent, { locale: "en-US" });
    fake.dispatch("INTERACTION_CREATE", press);
    const ack = callback(await fake.waitForCallback(press.id));
    expect(ack.type).toBe(4); // a new ephemeral message; 7 would have replaced the answer
    expect(ack.body).toMatchObject({ content: "Thanks for the feedback!", flags: EPHEMERAL, allowed_mentions: NO_PINGS });
    expect(ack.body.embeds ?? []).toEqual([]);
    expect(fake.requests.some((r) => r.method === "PATCH")).toBe(false);
    // Thanked first, within Discord's 3 s whatever the disk does; written right after.
    await settle(50);
    await bot.conversation.flush();

    const records = await readFeedback(dataDir, { logger: { warn: () => undefined } });
    const votes = records.filter((record) => record.vote !== null);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ platform: "discord", vote: "up", factId: expected.factId, status: "answered", question });
  });

  it("records a 👎 press and thanks in the presser's language; refusals are recorded with their question", async () => {
    const question = "Combien de pays dans la **coalition** ?";
    const expected = bot.answerer.answer(question);
    expect(expected.status).toBe("answered");
    const { sent } = await askAndGetMessage(question, "fr");
    const press = buttonPressPayload(`fb:down:${expected.factId}`, sent, { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", press);
    expect(callback(await fake.waitForCallback(press.id)).body.content).toBe("Merci pour votre retour !");

    const refused = "what is the budget of the coalition";
    const unknown = await askAndGetMessage(refused, "en-US");
    expect(unknown.body.components?.[0]?.components.every((button) => button.custom_id.startsWith("dym:en:"))).toBe(true);
    await settle(50);

    const records = await readFeedback(dataDir, { logger: { warn: () => undefined } });
    expect(records.find((record) => record.vote === "down")).toMatchObject({
      platform: "discord",
      factId: expected.factId,
      question, // read back from the embed title, markdown escaping undone
    });
    expect(records.find((record) => record.status === "unknown" && record.vote === null)).toMatchObject({
      platform: "discord",
      question: refused,
    });
  });

  it("counts a failure talking to Discord as a platform error", async () => {
    const before = await metric(bot, 'platform_errors_total{platform="discord"}');
    const interaction = askPayload("Who launched the coalition?");
    fake.failNextCallback(interaction.id, 400);
    fake.dispatch("INTERACTION_CREATE", interaction);
    await fake.waitForRequest(() => fake.callbacksFor(interaction.id).length === 2);
    expect(await metric(bot, 'platform_errors_total{platform="discord"}')).toBe(before + 1);
    expect(bot.logs.some((line) => line.msg === "platform error counted" && line.platform === "discord" && line.level === 20)).toBe(true);
  });
});
