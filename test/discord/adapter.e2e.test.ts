// End to end: the real discord.js Client and the real core, against a fake Discord on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FAKE_TOKEN, FakeDiscord, type RecordedRequest } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import {
  ALICE,
  BOT_USER,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  OTHER_BOT,
  THREAD_ID,
  askPayload,
  autocompletePayload,
  buttonPressPayload,
  messageContextPayload,
  messagePayload,
  sentMessagePayload,
  slashCommandPayload,
} from "../support/discord-payloads.js";

const EPHEMERAL = 64;

const EmbedSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  footer: z.object({ text: z.string() }).optional(),
  fields: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
});
const ButtonSchema = z.object({
  type: z.literal(2),
  custom_id: z.string(),
  label: z.string().optional(),
  emoji: z.object({ name: z.string() }).optional(),
  style: z.number(),
});
const MessageBodySchema = z.object({
  content: z.string().optional(),
  embeds: z.array(EmbedSchema).optional(),
  components: z.array(z.object({ type: z.literal(1), components: z.array(ButtonSchema) })).optional(),
  flags: z.number().optional(),
  allowed_mentions: z.object({ parse: z.array(z.string()), replied_user: z.boolean().optional() }).optional(),
  message_reference: z.object({ message_id: z.string() }).optional(),
});
type MessageBody = z.infer<typeof MessageBodySchema>;
const CallbackSchema = z.object({ type: z.number(), data: z.unknown().optional() });

/** The message an interaction callback carries (type 4: reply; type 7: update). */
function callbackMessage(request: RecordedRequest): { type: number; message: MessageBody } {
  const callback = CallbackSchema.parse(request.body);
  return { type: callback.type, message: MessageBodySchema.parse(callback.data) };
}

function onlyEmbed(message: MessageBody): z.infer<typeof EmbedSchema> {
  expect(message.embeds).toHaveLength(1);
  const embed = message.embeds?.[0];
  if (!embed) throw new Error("no embed");
  return embed;
}

const NO_PINGS = { parse: [], replied_user: false };

describe("Discord adapter against a fake Discord", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    bot = await startBot(fake);
  });

  afterAll(async () => {
    await bot.adapter.stop();
    await fake.close();
  });

  it("connects with the minimal intents and never sends the token anywhere but IDENTIFY and REST auth", () => {
    expect(bot.adapter.isConnected()).toBe(true);
    expect(fake.identifies).toHaveLength(1);
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096); no MessageContent (32768).
    expect(fake.identifies[0]?.intents).toBe(1 | 512 | 4096);
    expect(fake.requests.some((request) => request.route === "/gateway/bot" && request.authorized)).toBe(true);
  });

  it("answers /ask in English with the answer, the source quote, the article title and the confidence", async () => {
    const question = "Who launched the coalition?";
    const expected = bot.answerer.answer(question);
    expect(expected.status).toBe("answered");
    const interaction = askPayload(question, { locale: "en-US" });
    fake.dispatch("INTERACTION_CREATE", interaction);

    const { type, message } = callbackMessage(await fake.waitForCallback(interaction.id));
    expect(type).toBe(4);
    expect(message.flags ?? 0).toBe(0);
    const embed = onlyEmbed(message);
    expect(embed.title).toBe(question);
    expect(embed.description).toBe(expected.answer);
    expect(embed.description).toMatch(/France/);
    expect(embed.fields?.[0]?.name).toBe("Source");
    expect(embed.fields?.[0]?.value).toContain(expected.source?.quote);
    expect(embed.fields?.[0]?.value).toContain("coalition des volontaires");
    expect(embed.footer?.text).toBe(`Confidence: ${Math.round(expected.confidence * 100)}%`);
    const buttons = message.components?.[0]?.components ?? [];
    expect(buttons.map((button) => [button.custom_id, button.emoji?.name])).toEqual([
      [`fb:up:${expected.factId}`, "👍"],
      [`fb:down:${expected.factId}`, "👎"],
    ]);
  });

  it("answers /ask in French, privately when asked", async () => {
    const question = "Combien de pays dans la coalition ?";
    const expected = bot.answerer.answer(question);
    expect(expected.language).toBe("fr");
    const interaction = askPayload(question, { locale: "fr", private: true });
    fake.dispatch("INTERACTION_CREATE", interaction);

    const { message } = callbackMessage(await fake.waitForCallback(interaction.id));
    expect(message.flags).toBe(EPHEMERAL);
    const embed = onlyEmbed(message);
    expect(embed.description).toBe(expected.answer);
    expect(embed.description).toMatch(/trentaine/);
    expect(embed.footer?.text).toMatch(/^Confiance : \d+ %$/);
  });

  it("autocompletes /ask from the knowledge's sample questions in the user's locale (≤ 25 valid choices)", async () => {
    const interaction = autocompletePayload("qu", { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const request = await fake.waitForCallback(interaction.id);
    const body = z
      .object({ type: z.literal(8), data: z.object({ choices: z.array(z.object({ name: z.string(), value: z.string() })) }) })
      .parse(request.body);
    const { choices } = body.data;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value).toBe(choice.name);
    }
    expect(new Set(choices.map((choice) => choice.name)).size).toBe(choices.length);
    expect(choices.map((choice) => choice.name)).toEqual(bot.answerer.suggest("qu", "fr").slice(0, 25));
    expect(choices.some((choice) => /coalition/i.test(choice.name))).toBe(true);

    const english = autocompletePayload("who", { locale: "en-GB" });
    fake.dispatch("INTERACTION_CREATE", english);
    const englishBody = z
      .object({ data: z.object({ choices: z.array(z.object({ name: z.string() })) }) })
      .parse((await fake.waitForCallback(english.id)).body);
    expect(englishBody.data.choices.length).toBeGreaterThan(0);
    expect(englishBody.data.choices.map((choice) => choice.name)).toEqual(bot.answerer.suggest("who", "en").slice(0, 25));
    expect(englishBody.data.choices[0]?.name).toMatch(/^Who /);
  });

  it("says honestly when it does not know, offers did-you-mean buttons, and answers the pressed one by its fact id", async () => {
    const question = "what is the budget of the coalition";
    const expected = bot.answerer.answer(question);
    expect(expected.status).toBe("unknown");
    expect(expected.suggestions.length).toBeGreaterThan(0);
    const interaction = askPayload(question);
    fake.dispatch("INTERACTION_CREATE", interaction);

    const { message } = callbackMessage(await fake.waitForCallback(interaction.id));
    const embed = onlyEmbed(message);
    expect(embed.description).toBe(expected.answer);
    expect(embed.fields ?? []).toEqual([]);
    const buttons = message.components?.[0]?.components ?? [];
    expect(buttons.map((button) => button.custom_id)).toEqual(expected.suggestions.map((s) => `dym:en:${s.factId}`));
    expect(buttons.map((button) => button.label)).toEqual(expected.suggestions.map((s) => s.question));

    const pressed = expected.suggestions[1] ?? expected.suggestions[0];
    if (!pressed) throw new Error("no suggestion");
    const sent = sentMessagePayload(CHANNEL_ID, CallbackSchema.parse((await fake.waitForCallback(interaction.id)).body).data);
    // The press is answered from the custom id alone: pressed by a French speaker, on a button
    // whose label no longer says what it asks, it still answers that fact, in English.
    const relabelled = JSON.parse(JSON.stringify(sent).replaceAll(pressed.question, "???")) as Record<string, unknown>;
    const press = buttonPressPayload(`dym:en:${pressed.factId}`, relabelled, { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", press);

    const reply = callbackMessage(await fake.waitForCallback(press.id));
    expect(reply.type).toBe(4);
    const answerEmbed = onlyEmbed(reply.message);
    const pressedAnswer = bot.answerer.answerFact(pressed.factId, "en");
    expect(pressedAnswer.status).toBe("answered");
    expect(answerEmbed.description).toBe(pressedAnswer.answer);
    expect(answerEmbed.fields?.[0]?.value).toContain(pressedAnswer.source?.quote);
    expect(answerEmbed.footer?.text).toBe("Confidence: 100%");
    expect(reply.message.flags ?? 0).toBe(0);
    expect(reply.message.components?.[0]?.components.map((button) => button.custom_id)).toEqual([
      `fb:up:${pressed.factId}`,
      `fb:down:${pressed.factId}`,
    ]);
    expect(bot.logs.some((line) => line.msg === "question answered" && line.factId === pressed.factId && line.platform === "discord")).toBe(true);

    // A button sent before the language was in the custom id (`dym:<fact id>`): the presser's locale.
    const oldMessage = JSON.parse(JSON.stringify(sent).replaceAll("dym:en:", "dym:")) as Record<string, unknown>;
    const oldStyle = buttonPressPayload(`dym:${pressed.factId}`, oldMessage, { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", oldStyle);
    const oldReply = callbackMessage(await fake.waitForCallback(oldStyle.id));
    expect(onlyEmbed(oldReply.message).description).toBe(bot.answerer.answerFact(pressed.factId, "fr").answer);
    expect(onlyEmbed(oldReply.message).title).toBe(pressed.question);
  });

  it('answers "Ask the article" on a message, privately', async () => {
    const target = messagePayload({ content: "Combien de soldats seraient mobilisés ?" });
    const expected = bot.answerer.answer("Combien de soldats seraient mobilisés ?");
    const interaction = messageContextPayload(target, { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", interaction);

    const { type, message } = callbackMessage(await fake.waitForCallback(interaction.id));
    expect(type).toBe(4);
    expect(message.flags).toBe(EPHEMERAL);
    expect(onlyEmbed(message).description).toBe(expected.answer);
  });

  it("lists /topics with example questions in the user's language", async () => {
    const interaction = slashCommandPayload("topics", [], { locale: "fr" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    const { message } = callbackMessage(await fake.waitForCallback(interaction.id));
    const embed = onlyEmbed(message);
    const topics = bot.answerer.topics("fr");
    expect(embed.fields?.map((field) => field.name)).toEqual(topics.slice(0, 25).map((topic) => topic.label));
    expect(embed.fields?.[0]?.value).toContain(topics[0]?.examples[0] ?? "∅");
  });

  it("answers a mention as a reply to that message, with the mention stripped", async () => {
    const mention = messagePayload({ content: `<@${BOT_USER.id}> who launched the coalition?`, mentions: [BOT_USER] });
    fake.dispatch("MESSAGE_CREATE", mention);
    const request = await fake.waitForReplyTo(mention.id);
    expect(request.route).toBe(`/channels/${CHANNEL_ID}/messages`);
    const body = MessageBodySchema.parse(request.body);
    const embed = onlyEmbed(body);
    expect(embed.title).toBe("who launched the coalition?");
    expect(embed.description).toBe(bot.answerer.answer("who launched the coalition?").answer);
    expect(body.allowed_mentions).toEqual(NO_PINGS);
  });

  it("answers mentions in threads and in DMs (where a mention is optional)", async () => {
    const inThread = messagePayload({ content: `<@!${BOT_USER.id}> Où la coalition s’est-elle réunie ?`, mentions: [BOT_USER], where: "thread" });
    fake.dispatch("MESSAGE_CREATE", inThread);
    const threadReply = await fake.waitForReplyTo(inThread.id);
    expect(threadReply.route).toBe(`/channels/${THREAD_ID}/messages`);
    expect(onlyEmbed(MessageBodySchema.parse(threadReply.body)).description).toMatch(/Bruxelles/);

    const inDm = messagePayload({ content: `<@${BOT_USER.id}> Who launched the coalition?`, mentions: [BOT_USER], where: "dm" });
    fake.dispatch("MESSAGE_CREATE", inDm);
    const dmReply = await fake.waitForReplyTo(inDm.id);
    expect(dmReply.route).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect(onlyEmbed(MessageBodySchema.parse(dmReply.body)).title).toBe("Who launched the coalition?");

    const plainDm = messagePayload({ content: "Who launched the coalition?", where: "dm" });
    fake.dispatch("MESSAGE_CREATE", plainDm);
    expect(onlyEmbed(MessageBodySchema.parse((await fake.waitForReplyTo(plainDm.id)).body)).description).toMatch(/France/);
  });

  it("ignores messages without a mention, and messages from bots, its own included", async () => {
    const plain = messagePayload({ content: "who launched the coalition?" });
    const fromBot = messagePayload({ content: `<@${BOT_USER.id}> who launched the coalition?`, author: OTHER_BOT, mentions: [BOT_USER] });
    const fromItself = messagePayload({ content: `<@${BOT_USER.id}> who launched the coalition?`, author: BOT_USER, mentions: [BOT_USER] });
    const mentionOfSomeoneElse = messagePayload({ content: `<@${ALICE.id}> who launched the coalition?`, mentions: [ALICE] });
    // Dispatched before a mention that is answered: once its reply is in, these were handled too.
    const marker = messagePayload({ content: `<@${BOT_USER.id}> Qui a lancé la coalition ?`, mentions: [BOT_USER] });
    for (const message of [plain, fromBot, fromItself, mentionOfSomeoneElse, marker]) fake.dispatch("MESSAGE_CREATE", message);
    await fake.waitForReplyTo(marker.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const ignored of [plain, fromBot, fromItself, mentionOfSomeoneElse]) {
      await expect(fake.waitForReplyTo(ignored.id, 10)).rejects.toThrow(/No matching request/);
    }
  });

  it("never pings: @everyone, @here and role mentions in a question are escaped and not allowed", async () => {
    const question = "@everyone @here <@&1300000000000000999> **who** launched the coalition?";
    const interaction = askPayload(question);
    fake.dispatch("INTERACTION_CREATE", interaction);
    const { message } = callbackMessage(await fake.waitForCallback(interaction.id));
    expect(message.allowed_mentions).toEqual(NO_PINGS);
    const title = onlyEmbed(message).title ?? "";
    expect(title).not.toMatch(/@everyone|@here|<@&\d/);
    expect(title).toContain("@\u200beveryone");
    expect(title).toContain("\\*\\*who\\*\\*");

    const mention = messagePayload({
      content: `<@${BOT_USER.id}> @everyone who launched the coalition?`,
      mentions: [BOT_USER],
      mentionEveryone: true,
    });
    fake.dispatch("MESSAGE_CREATE", mention);
    const reply = MessageBodySchema.parse((await fake.waitForReplyTo(mention.id)).body);
    expect(reply.allowed_mentions).toEqual(NO_PINGS);
    expect(reply.content ?? "").not.toContain("@everyone");
    expect(onlyEmbed(reply).title).toBe("@\u200beveryone who launched the coalition?");
  });

  it("logs a failed interaction and apologizes in the user's language, then keeps answering", async () => {
    const interaction = askPayload("Qui a lancé la coalition ?", { locale: "fr" });
    fake.failNextCallback(interaction.id, 400);
    fake.dispatch("INTERACTION_CREATE", interaction);
    await fake.waitForRequest(() => fake.callbacksFor(interaction.id).length === 2);
    const [failed, apology] = fake.callbacksFor(interaction.id);
    expect(failed && callbackMessage(failed).message.embeds).toHaveLength(1);
    const apologyMessage = apology ? callbackMessage(apology).message : undefined;
    expect(apologyMessage?.content).toMatch(/^Désolé/);
    expect(apologyMessage?.flags).toBe(EPHEMERAL);
    expect(bot.logs.some((line) => String(line.msg).startsWith("discord: interaction: sending the reply failed") && line.level === 50)).toBe(true);

    const next = askPayload("Who launched the coalition?");
    fake.dispatch("INTERACTION_CREATE", next);
    expect(onlyEmbed(callbackMessage(await fake.waitForCallback(next.id)).message).description).toMatch(/France/);
  });

  it("sent allowed_mentions with no pings on every message, and never logged the token", () => {
    const messages = fake.requests.filter(
      (request) =>
        (request.route.endsWith("/callback") && CallbackSchema.parse(request.body).type !== 8) ||
        /^\/channels\/\d+\/messages$/.test(request.route) ||
        request.route.startsWith("/webhooks/"),
    );
    expect(messages.length).toBeGreaterThanOrEqual(15);
    for (const request of messages) {
      const body = request.route.endsWith("/callback") ? callbackMessage(request).message : MessageBodySchema.parse(request.body);
      expect(body.allowed_mentions, `${request.method} ${request.route}`).toEqual(NO_PINGS);
    }
    expect(bot.rawLogs.length).toBeGreaterThan(0);
    expect(bot.rawLogs.join("\n")).not.toContain(FAKE_TOKEN);
  });
});
