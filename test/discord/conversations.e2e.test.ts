// Conversations through the real discord.js client against the fake Discord, with the real core
// wrapped to record what it was asked with: a reply to one of the bot's answers is a follow-up (and
// so is a reply to the next answer), a mention in a thread where it answered, a DM; commands are
// registered with French names and user install; Discord's limits; a vote is thanked before it is written.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import type { EmbedBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../adapters/discord/commands/index.js";
import { deployCommands } from "../../adapters/discord/deploy-commands.js";
import { answerEmbed, topicsEmbed } from "../../adapters/discord/embeds.js";
import { createInMemoryConversationMemory, createLogger, type ConversationTurn, type Help } from "../../src/index.js";
import { FakeDiscord } from "../support/discord-fake.js";
import { realAnswerer, startBot, type RunningBot } from "../support/discord-harness.js";
import { APP_ID, BOT_USER, THREAD_ID, buttonPressPayload, askPayload, messagePayload, sentMessagePayload, CHANNEL_ID } from "../support/discord-payloads.js";
import { recordingAnswerer, turnsOf, type RecordingAnswerer } from "../support/recording-answerer.js";

const MINISTER_TURN: ConversationTurn = { question: "what did the British defence minister say?", factId: "healey-quote", entities: ["john-healey"], language: "en" };
const EmbedBodySchema = z.object({ embeds: z.array(z.object({ description: z.string().optional() })) });
/** Discord's embed limits. */
const EMBED_TOTAL = 6_000;
const FIELD_VALUE = 1_024;

describe("Discord conversations", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  let core: RecordingAnswerer | undefined;
  const memory = createInMemoryConversationMemory();
  const voteCalls: number[] = [];
  let dataDir = "";

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "discord-conversations-"));
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    bot = await startBot(fake, {}, {
      memory,
      dataDir,
      wrapAnswerer: (real) => (core = recordingAnswerer(real)),
      wrapFeedback: (store) => ({
        ...store,
        recordVote: (input) => {
          voteCalls.push(performance.now());
          return store.recordVote(input);
        },
      }),
    });
  });
  afterAll(async () => {
    await bot.adapter.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function recorded(): RecordingAnswerer {
    if (core === undefined) throw new Error("the harness did not build the answerer");
    return core;
  }

  it("answers a reply to its answer as a follow-up, and a reply to that answer too", async () => {
    const question = messagePayload({ content: `<@${BOT_USER.id}> what did the British defence minister say?`, mentions: [BOT_USER] });
    fake.dispatch("MESSAGE_CREATE", question);
    await fake.waitForReplyTo(question.id);
    const answer = fake.sentReplyTo(question.id);
    if (answer === undefined) throw new Error("no answer was sent");
    const first = recorded().questions.at(-1);
    // What else the conversation holds (as another instance, or the core's next turn, would have left it).
    await memory.append(`discord:message:${question.id}`, MINISTER_TURN);

    // A reply to the bot's answer pings the bot by default, which is how it carries its content.
    const followUp = messagePayload({ content: "and the Finnish one?", mentions: [BOT_USER], replyTo: answer });
    fake.dispatch("MESSAGE_CREATE", followUp);
    const reply = await fake.waitForReplyTo(followUp.id);
    const asked = recorded().questions.at(-1);
    expect(asked?.question).toBe("and the Finnish one?");
    expect(asked?.context).toEqual([...turnsOf(first ? [first.answer] : []), MINISTER_TURN]);
    expect(EmbedBodySchema.parse(reply.body).embeds[0]?.description).toContain(asked?.answer.answer);

    // The chain goes on: a reply to the follow-up's answer still has the whole exchange.
    const nextAnswer = fake.sentReplyTo(followUp.id);
    if (nextAnswer === undefined) throw new Error("no answer to the follow-up was sent");
    const third = messagePayload({ content: "what was his point?", mentions: [BOT_USER], replyTo: nextAnswer });
    fake.dispatch("MESSAGE_CREATE", third);
    await fake.waitForReplyTo(third.id);
    expect(recorded().questions.at(-1)?.context).toEqual([...(asked?.context ?? []), ...turnsOf(asked ? [asked.answer] : [])]);
  });

  it("ignores a reply to its answer that does not ping it (Discord sends it without content)", async () => {
    const question = messagePayload({ content: `<@${BOT_USER.id}> how many troops?`, mentions: [BOT_USER] });
    fake.dispatch("MESSAGE_CREATE", question);
    await fake.waitForReplyTo(question.id);
    const answer = fake.sentReplyTo(question.id);
    if (answer === undefined) throw new Error("no answer was sent");
    const silent = messagePayload({ content: "", replyTo: answer });
    fake.dispatch("MESSAGE_CREATE", silent);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(fake.waitForReplyTo(silent.id, 10)).rejects.toThrow(/No matching request/);
  });

  it("answers a mention in a thread where it answered with the thread's turns", async () => {
    await memory.append(`discord:thread:${THREAD_ID}`, MINISTER_TURN);
    const mention = messagePayload({ content: `<@${BOT_USER.id}> and the Finnish one?`, mentions: [BOT_USER], where: "thread" });
    fake.dispatch("MESSAGE_CREATE", mention);
    await fake.waitForReplyTo(mention.id);
    expect(recorded().questions.at(-1)?.context[0]).toEqual(MINISTER_TURN);
  });

  it("answers /ask in a thread where it answered with the thread's turns", async () => {
    await memory.append(`discord:thread:${THREAD_ID}`, MINISTER_TURN);
    const interaction = askPayload("and the Finnish one?", { where: "thread" });
    fake.dispatch("INTERACTION_CREATE", interaction);
    await fake.waitForCallback(interaction.id);
    const asked = recorded().questions.at(-1);
    expect(asked?.question).toBe("and the Finnish one?");
    expect(asked?.context).toContain(MINISTER_TURN);
  });

  it("carries a DM's context from one message to the next", async () => {
    const first = messagePayload({ content: "how many troops?", where: "dm" });
    fake.dispatch("MESSAGE_CREATE", first);
    await fake.waitForReplyTo(first.id);
    const firstAsked = recorded().questions.at(-1);
    const second = messagePayload({ content: "since when?", where: "dm" });
    fake.dispatch("MESSAGE_CREATE", second);
    await fake.waitForReplyTo(second.id);
    expect(recorded().questions.at(-1)?.context.slice(-1)).toEqual(turnsOf(firstAsked ? [firstAsked.answer] : []).slice(-1));
  });

  it("thanks a vote before writing it", async () => {
    const interaction = askPayload("Who launched the coalition?");
    fake.dispatch("INTERACTION_CREATE", interaction);
    const callback = await fake.waitForCallback(interaction.id);
    const sent = sentMessagePayload(CHANNEL_ID, z.object({ data: z.unknown() }).parse(callback.body).data);
    const factId = bot.answerer.answer("Who launched the coalition?").factId ?? "?";
    const press = buttonPressPayload(`fb:up:${factId}`, sent);
    const before = voteCalls.length;
    fake.dispatch("INTERACTION_CREATE", press);
    const thanked = await fake.waitForCallback(press.id);
    for (let waited = 0; voteCalls.length === before && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(voteCalls.at(-1) ?? 0).toBeGreaterThanOrEqual(thanked.at);
  });
});

describe("Discord commands", () => {
  it("are registered with French names and descriptions, for server and user installs, in servers, bot DMs and private channels", async () => {
    const fake = await FakeDiscord.start();
    try {
      const logger = createLogger({ level: "silent", pretty: false, destination: new Writable({ write: (_c, _e, done) => { done(); } }) });
      await deployCommands(fake.env({ DISCORD_APPLICATION_ID: APP_ID }), logger);
      const put = await fake.waitForRequest((request) => request.method === "PUT");
      const Registered = z.array(
        z.object({
          name: z.string(),
          name_localizations: z.record(z.string(), z.string()).optional(),
          description_localizations: z.record(z.string(), z.string()).optional().nullable(),
          integration_types: z.array(z.number()),
          contexts: z.array(z.number()),
          options: z.array(z.object({ name: z.string(), name_localizations: z.record(z.string(), z.string()).optional() })).optional(),
        }),
      );
      const registered = Registered.parse(put.body);
      expect(registered.map((command) => [command.name, command.name_localizations?.fr])).toEqual([
        ["ask", "demander"],
        ["topics", "sujets"],
        ["Ask the article", "Demander à l’article"],
      ]);
      for (const command of registered) {
        // GUILD_INSTALL, USER_INSTALL; GUILD, BOT_DM, PRIVATE_CHANNEL.
        expect(command.integration_types).toEqual([0, 1]);
        expect(command.contexts).toEqual([0, 1, 2]);
      }
      expect(registered[0]?.description_localizations?.fr).toBe("Poser une question sur l’article");
      expect(registered[0]?.options?.map((option) => option.name_localizations?.fr)).toEqual(["question", "privé"]);
      expect(registered).toHaveLength(commands.length);
    } finally {
      await fake.close();
    }
  });
});

describe("Discord limits", () => {
  /** Everything Discord counts towards an embed's 6,000 characters. */
  function embedLength(embed: EmbedBuilder): number {
    const data = embed.toJSON();
    return (
      (data.title?.length ?? 0) +
      (data.description?.length ?? 0) +
      (data.footer?.text.length ?? 0) +
      (data.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
    );
  }

  it("keeps the source field within 1,024 characters with a pack title of any length, linked or not", async () => {
    const answerer = await realAnswerer();
    const base = answerer.answer("combien de pays ?");
    if (base.source === null) throw new Error("expected a source");
    for (const url of [undefined, `https://news.example/${"a".repeat(300)}`]) {
      const long = { ...base, source: { ...base.source, title: "T".repeat(3_000), ...(url === undefined ? {} : { url }) } };
      const field = answerEmbed(long, "combien de pays ?").toJSON().fields?.[0];
      expect(field?.value.length).toBeLessThanOrEqual(FIELD_VALUE);
      expect(field?.value).toContain("> ");
      if (url !== undefined) expect(field?.value).toContain(`(<${url}>)`);
    }
  });

  it("keeps the /topics embed within 6,000 characters in all, however many long topics there are", () => {
    const help: Help = {
      language: "en",
      packs: [],
      topics: Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, label: `Topic ${i} ${"x".repeat(300)}`, examples: ["y".repeat(400), "z".repeat(400), "w".repeat(400)] })),
    };
    const embed = topicsEmbed(help, "intro");
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_TOTAL);
    expect(embed.toJSON().fields?.length).toBeGreaterThan(0);
  });
});
