import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asMessage, type PostedMessage } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID, type RecordedCall } from "../support/slack-fake-api.js";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { eventBody, postSigned } from "../support/slack-requests.js";

// A seeded fuzz run through the Slack message path: app_mention events with arbitrary Unicode,
// Slack markup (special mentions, user mentions, links, entities), markdown and huge inputs, each
// sent signed to the real Bolt app over HTTP. Every event gets exactly one reply, in its thread;
// nothing the bot posts can ping anyone; the app never fails and stays up.

const SEED = 20_240_611;
const RUNS = 2_000;

/** What people (and people trying things) type in Slack, in the markup Slack sends it in. */
const MARKUP = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!here|here>",
  "<!channel|@channel>",
  "<!subteam^S0000001|@admins>",
  "<!date^1392734382^{date_pretty}|Feb 18, 2014>",
  "<@U0000666>",
  "<@U0000666|mallory>",
  `<@${FAKE_BOT_USER_ID}>`,
  "<#C0000001|general>",
  "<https://example.com|click me>",
  "<mailto:ada@example.com>",
  "&lt;!channel&gt;",
  "&lt;@U0000666&gt;",
  "&amp;",
  "&",
  "<",
  ">",
  "<<!channel>>",
  "*bold*",
  "_italic_",
  "~strike~",
  "`code`",
  "```\nblock\n```",
  "> quoted",
  "\n",
  "\t",
  ":tada:",
  "@channel",
  "@here",
  "help",
  "aide",
  "?",
  "combien de pays ?",
  "how many countries?",
  "Qui a lancé la coalition ?",
  "\u202Eevil",
  "\u0000",
  "👍🏽‍🔥",
  "é",
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 30 }) },
);

const ordinaryText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(""));

/** Up to 10,000 characters: a few fragments repeated, cut anywhere (even inside a token). */
const hugeText = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2_000, max: 10_000 }))
  .map(([parts, length]) => {
    const unit = parts.join("") || "&";
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });

const mentionText = fc
  .tuple(fc.oneof({ weight: 12, arbitrary: ordinaryText }, { weight: 1, arbitrary: hugeText }), fc.constantFrom("start", "end", "none"))
  .map(([text, where]) => {
    const bot = `<@${FAKE_BOT_USER_ID}>`;
    if (where === "start") return `${bot} ${text}`;
    if (where === "end") return `${text} ${bot}`;
    return text;
  });

/** Anything that would ping: special mentions, user and group mentions, in any form Slack reads. */
const PING = /<!channel|<!here|<!everyone|<!subteam|<@U|<@W|<#C/i;

// Slack's limits; a message over any of them is rejected whole.
const LIMITS = { text: 40_000, sectionText: 3_000, contextText: 2_000, buttonText: 75, buttonValue: 2_000, blocks: 50 };

function limitProblems(message: PostedMessage): string[] {
  const problems: string[] = [];
  if ((message.text ?? "").length > LIMITS.text) problems.push("text");
  if (message.blocks.length > LIMITS.blocks) problems.push("too many blocks");
  for (const block of message.blocks) {
    if (block.type === "section" && (block.text?.text.length ?? 0) > LIMITS.sectionText) problems.push("section text");
    for (const element of block.elements ?? []) {
      const text = typeof element.text === "string" ? element.text : (element.text?.text ?? "");
      if (block.type === "context" && text.length > LIMITS.contextText) problems.push("context text");
      if (element.type === "button" && text.length > LIMITS.buttonText) problems.push("button text");
      if ((element.value ?? "").length > LIMITS.buttonValue) problems.push("button value");
    }
  }
  return problems;
}

let harness: SlackHarness;
let sequence = 0;

beforeAll(async () => {
  harness = await startSlackHarness({ logLevel: "warn" });
});

afterAll(async () => {
  await harness.close();
});

describe("fuzzing the Slack message path", () => {
  it(`answers ${RUNS} arbitrary mentions once each, never pings, never fails`, async () => {
    const repliesTo = (ts: string): RecordedCall[] => harness.fake.posts().filter((call) => call.body.thread_ts === ts);
    const sent: string[] = [];

    await fc.assert(
      fc.asyncProperty(mentionText, async (text) => {
        sequence += 1;
        const ts = `1700100000.${String(sequence).padStart(6, "0")}`;
        sent.push(ts);
        const event = { type: "app_mention", user: "U0000001", text, ts, channel: "C0000007", event_ts: ts };
        const response = await postSigned(harness.eventsUrl, {
          contentType: "application/json",
          body: eventBody(`EvFuzz${String(sequence).padStart(6, "0")}`, event),
        });
        expect(response.status).toBe(200);
        await harness.fake.waitFor(() => repliesTo(ts).length > 0, `the reply to ${ts}`, 5_000);

        const [reply] = repliesTo(ts);
        expect(reply?.method).toBe("chat.postMessage");
        const message = asMessage(reply?.body);
        const posted = JSON.stringify({ text: message.text, blocks: message.blocks });
        expect(posted).not.toMatch(PING);
        // Every `<` from users is escaped, so none is left in anything the bot posts.
        expect(posted).not.toContain("<");
        expect(reply?.body.link_names).toBe("false");
        expect(limitProblems(message)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );

    // Exactly one reply per event, counted once everything has settled.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await harness.adapter.idle();
    const counts = new Map<string, number>();
    for (const call of harness.fake.posts()) {
      const ts = String(call.body.thread_ts);
      counts.set(ts, (counts.get(ts) ?? 0) + 1);
    }
    expect(sent.length).toBeGreaterThanOrEqual(RUNS);
    expect(sent.filter((ts) => counts.get(ts) !== 1)).toEqual([]);
    expect(harness.fake.posts()).toHaveLength(sent.length);
    expect(harness.fake.apiCalls("chat.postEphemeral")).toEqual([]);

    // No listener failed, nothing was apologized for, and the app is still up.
    expect(harness.logs.text).not.toContain("unhandled error in a Slack listener");
    expect(harness.logs.text).not.toContain("failed; apologizing");
    expect(harness.logs.text).not.toContain("platform error");
    expect(harness.adapter.isConnected()).toBe(true);
  }, 60_000);
});
