// A seeded fuzz run through the Discord mention path: MESSAGE_CREATE dispatches on the fake
// gateway that mention the bot with arbitrary Unicode, Discord markdown, @everyone / @here, role,
// user and channel mentions, and contents far beyond Discord's own 2,000/4,000-character caps, read
// by the real discord.js client. Every message gets exactly one reply, within Discord's limits,
// allowing no ping, with no user-typed ping left unescaped; the bot never fails and stays up.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createRateLimiter } from "../../src/index.js";
import { FakeDiscord, type RecordedRequest } from "../support/discord-fake.js";
import { startBot, type RunningBot } from "../support/discord-harness.js";
import { ALICE, BOT_USER, CHANNEL_ID, messagePayload, type Where } from "../support/discord-payloads.js";

const SEED = 20_250_611;
const RUNS = 2_000;
const MAX_CONTENT = 10_000;

/** Discord's limits on what a bot may post (counted in UTF-16 units: at least as strict as Discord). */
const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
  customId: 100,
} as const;

const NO_PINGS = { parse: [], replied_user: false };
/** What Discord would turn into a ping if it were allowed: what user text must never echo verbatim. */
const PING = /@(everyone|here)|<@[!&]?\d+>/;

/** What people (and people trying things) type in Discord, as Discord sends it. */
const MARKUP = [
  "@everyone",
  "@here",
  "<@&1300000000000000999>",
  `<@${ALICE.id}>`,
  `<@!${ALICE.id}>`,
  `<@${BOT_USER.id}>`,
  `<@!${BOT_USER.id}>`,
  `<#${CHANNEL_ID}>`,
  "</ask:1300000000000000050>",
  "<:blobcat:1300000000000000777>",
  "<t:1700000000:R>",
  "@\u200beveryone",
  "＠everyone",
  "**bold**",
  "*italic*",
  "__underline__",
  "~~strike~~",
  "||spoiler||",
  "`code`",
  "```js\nblock\n```",
  "> quoted",
  ">>> quoted rest",
  "# heading",
  "-# subtext",
  "- item",
  "1. item",
  "[click](https://example.com)",
  "<https://example.com>",
  "\\",
  "\\*",
  "\n",
  "\t",
  " ",
  "?",
  "who launched the coalition?",
  "Combien de pays dans la coalition ?",
  "Qui a lancé la coalition ?",
  "how much money for the coalition",
  "\u202Eevil",
  "\u0000",
  "\uFEFF",
  "👍🏽‍🔥",
  "🇫🇷",
  "é",
  "e\u0301",
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
);

/** Cut to at most `max` UTF-16 units without splitting a code point. */
function cut(text: string, max: number): string {
  let out = "";
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

const ordinary = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(""));
const huge = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1_500, max: MAX_CONTENT }))
  .map(([pieces, length]) => {
    const unit = pieces.join("") || "a";
    return cut(unit.repeat(Math.ceil(length / unit.length)), length);
  });

const MENTION_FORMS = [`<@${BOT_USER.id}>`, `<@!${BOT_USER.id}>`];

/** A message for the bot: the mention at the start, in the middle or at the end; optional in a DM. */
const caseArbitrary = fc
  .record({
    text: fc.oneof({ weight: 19, arbitrary: ordinary }, { weight: 1, arbitrary: huge }),
    mention: fc.constantFrom(...MENTION_FORMS),
    position: fc.constantFrom("start", "middle", "end", "none"),
    where: fc.constantFrom<Where>("guild", "guild", "thread", "dm"),
  })
  .map(({ text, mention, position, where }) => {
    const placed = where !== "dm" && position === "none" ? "start" : position;
    const half = cut(text, Math.floor(text.length / 2));
    const content =
      placed === "start"
        ? `${mention} ${text}`
        : placed === "end"
          ? `${text} ${mention}`
          : placed === "middle"
            ? `${half} ${mention} ${text.slice(half.length)}`
            : text;
    return { content: cut(content, MAX_CONTENT + 40), where, mentioned: placed !== "none" };
  });

const ReplySchema = z.object({
  content: z.string().optional(),
  embeds: z
    .array(
      z.object({
        title: z.string().optional(),
        description: z.string().optional(),
        footer: z.object({ text: z.string() }).optional(),
        fields: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
      }),
    )
    .optional(),
  components: z
    .array(z.object({ components: z.array(z.object({ custom_id: z.string(), label: z.string().optional() })) }))
    .optional(),
  allowed_mentions: z.unknown(),
  message_reference: z.object({ message_id: z.string() }),
});
type Reply = z.infer<typeof ReplySchema>;

function checkReply(reply: Reply): void {
  expect(reply.allowed_mentions).toEqual(NO_PINGS);
  const content = reply.content ?? "";
  expect(content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(content).not.toMatch(PING);
  const embeds = reply.embeds ?? [];
  expect(content.length + embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    const title = embed.title ?? "";
    const description = embed.description ?? "";
    const footer = embed.footer?.text ?? "";
    const fields = embed.fields ?? [];
    expect(title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(description.length).toBeLessThanOrEqual(LIMITS.description);
    expect(footer.length).toBeLessThanOrEqual(LIMITS.footer);
    expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
    total += title.length + description.length + footer.length;
    for (const field of fields) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
    for (const text of [title, description, footer, ...fields.flatMap((field) => [field.name, field.value])]) {
      expect(text).not.toMatch(PING);
    }
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  const rows = reply.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect((button.label ?? "").length).toBeLessThanOrEqual(LIMITS.label);
    }
  }
}

/**
 * discord.js keeps a bot under Discord's global limit of 50 requests a second (interaction
 * callbacks aside), so one client posts at most 50 replies a second. The cases are spread over
 * a few independent bots, each with its own fake Discord, to fit 2,000 replies in the time budget.
 */
const LANES = 4;

interface Lane {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
}

describe("Discord mention path under fuzzing", () => {
  const lanes: Lane[] = [];
  /** Every message the bots posted, by the id of the message it replies to. */
  const replies = new Map<string, Reply[]>();
  const waiters = new Map<string, (reply: Reply) => void>();
  let posted = 0;

  function record(request: RecordedRequest): void {
    if (request.method !== "POST" || !/^\/channels\/\d+\/messages$/.test(request.route)) return;
    posted += 1;
    const reply = ReplySchema.parse(request.body);
    const id = reply.message_reference.message_id;
    replies.set(id, [...(replies.get(id) ?? []), reply]);
    waiters.get(id)?.(reply);
    waiters.delete(id);
  }

  beforeAll(async () => {
    for (let lane = 0; lane < LANES; lane++) {
      // Requests are not kept by the fake (2,000 of them, some huge); `record` keeps the replies.
      const fake = await FakeDiscord.start({ heartbeatIntervalMs: 1_000, record: false });
      fake.onRequest(record);
      const bot = await startBot(fake, {}, { limiter: createRateLimiter({ limit: 1_000_000 }) });
      lanes.push({ fake, bot });
    }
  });

  afterAll(async () => {
    for (const { fake, bot } of lanes) {
      await bot.adapter.stop();
      await fake.close();
    }
  });

  function replyTo(messageId: string, timeoutMs = 5_000): Promise<Reply> {
    const existing = replies.get(messageId)?.[0];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(messageId);
        reject(new Error(`no reply to ${messageId} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.set(messageId, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }

  it(`answers ${RUNS} arbitrary mentions exactly once each, within Discord's limits, pinging nobody`, async () => {
    const started = performance.now();
    const ids: string[] = [];
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ content, where, mentioned }) => {
        const message = messagePayload({
          content,
          where,
          mentions: mentioned ? [BOT_USER] : [],
          mentionEveryone: /@(everyone|here)/.test(content),
        });
        const lane = lanes[ids.length % LANES];
        if (!lane) throw new Error("no lane");
        ids.push(message.id);
        lane.fake.dispatch("MESSAGE_CREATE", message);
        checkReply(await replyTo(message.id));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    // Late duplicates (a second reply, an apology after the answer) would land by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ids).toHaveLength(RUNS);
    for (const id of ids) expect(replies.get(id)?.length ?? 0, `replies to ${id}`).toBe(1);
    expect(posted).toBe(RUNS);
    const logs = lanes.flatMap(({ bot }) => bot.logs);
    expect(logs.filter((line) => typeof line.level === "number" && line.level >= 50)).toEqual([]);
    // Most cases carry a question (the others only mention the bot and get the topics).
    expect(logs.filter((line) => line.msg === "question answered" || line.msg === "question refused").length).toBeGreaterThan(RUNS / 2);
    for (const { bot } of lanes) expect(bot.adapter.isConnected()).toBe(true);
    expect(performance.now() - started).toBeLessThan(25_000);
  }, 60_000);
});
