// Conversations through the real Bolt app over HTTP, with signed requests, the real core (wrapped
// to record what it was asked with) and the fake Web API: thread and DM follow-ups, a new
// question in a thread, the "Ask the article" shortcut, the App Home, and SLACK_THREAD_FOLLOWUPS.
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryConversationMemory, type ConversationMemory, type ConversationTurn } from "../../src/index.js";
import { recordingAnswerer, turnsOf, type RecordingAnswerer } from "../support/recording-answerer.js";
import { asMessage, buttons, visibleText, type PostedMessage } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID } from "../support/slack-fake-api.js";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { readManifest } from "../support/slack-manifest.js";
import { eventBody, messageShortcutBody, postSigned } from "../support/slack-requests.js";

/** Slack wants every request acknowledged within 3 seconds. */
const SLACK_ACK_MS = 3_000;

let sequence = 0;
function nextTs(): string {
  sequence += 1;
  return `1700001000.${String(sequence).padStart(6, "0")}`;
}

/** A turn as the core describes an exchange, for seeding a conversation's memory. */
const MINISTER_TURN: ConversationTurn = { question: "what did the British defence minister say?", factId: "healey-quote", entities: ["john-healey"], language: "en" };

interface Running {
  readonly harness: SlackHarness;
  readonly core: RecordingAnswerer;
  readonly memory: ConversationMemory;
}

async function start(env: NodeJS.ProcessEnv = {}): Promise<Running> {
  let core: RecordingAnswerer | undefined;
  const memory = createInMemoryConversationMemory();
  const harness = await startSlackHarness({
    env,
    conversation: { memory },
    wrapAnswerer: (real) => (core = recordingAnswerer(real)),
  });
  if (core === undefined) throw new Error("the harness did not build the answerer");
  return { harness, core, memory };
}

async function sendEvent(harness: SlackHarness, event: Record<string, unknown>): Promise<void> {
  sequence += 1;
  const result = await postSigned(harness.eventsUrl, { contentType: "application/json", body: eventBody(`EvConv${sequence}`, event) });
  expect(result.status).toBe(200);
}

function mention(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> & { ts: string } {
  return { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> ${text}`, ts: nextTs(), channel: "C0000001", event_ts: "1", ...extra };
}

function channelMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> & { ts: string } {
  return { type: "message", channel_type: "channel", user: "U0000002", text, ts: nextTs(), channel: "C0000001", event_ts: "1", ...extra };
}

function directMessage(text: string, channel = "D0000009"): Record<string, unknown> & { ts: string } {
  return { type: "message", channel_type: "im", user: "U0000001", text, ts: nextTs(), channel, event_ts: "1" };
}

function postsIn(harness: SlackHarness, channel: string, threadTs?: string): PostedMessage[] {
  return harness.fake
    .apiCalls("chat.postMessage")
    .map((call) => asMessage(call.body))
    .filter((message) => message.channel === channel && (threadTs === undefined || message.thread_ts === threadTs));
}

async function settle(harness: SlackHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await harness.adapter.idle();
}

describe("Slack conversations (SLACK_THREAD_FOLLOWUPS off, the default)", () => {
  let running: Running;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running.harness.close();
  });

  it("answers a mention in a thread it answered as a follow-up: the core gets the thread's earlier turns", async () => {
    const { harness, core } = running;
    const first = mention("what did the British defence minister say?");
    await sendEvent(harness, first);
    await harness.fake.waitFor(() => postsIn(harness, "C0000001", first.ts).length === 1, "the first answer in the thread");
    const followUp = mention("and the Finnish one?", { thread_ts: first.ts });
    await sendEvent(harness, followUp);
    await harness.fake.waitFor(() => postsIn(harness, "C0000001", first.ts).length === 2, "the follow-up's answer in the thread");

    const asked = core.questions.filter((q) => q.question.includes("British defence minister") || q.question.includes("Finnish one"));
    expect(asked.map((q) => q.question)).toEqual(["what did the British defence minister say?", "and the Finnish one?"]);
    expect(asked[0]?.context).toEqual([]);
    // Whatever the core remembered of the first exchange is what it is handed with the follow-up.
    expect(asked[1]?.context).toEqual(turnsOf(asked[0] ? [asked[0].answer] : []));
    expect(visibleText(postsIn(harness, "C0000001", first.ts)[1] ?? { blocks: [] })).toContain(asked[1]?.answer.answer);
  });

  it("hands a thread's remembered turns to the core with a mention in it, and a full new question is answered on its own", async () => {
    const { harness, core, memory } = running;
    const threadTs = nextTs();
    await memory.append(`slack:C0000001:${threadTs}`, MINISTER_TURN);
    const standalone = harness.answerer.answer("combien de pays dans la coalition ?");
    const newQuestion = mention("combien de pays dans la coalition ?", { thread_ts: threadTs });
    await sendEvent(harness, newQuestion);
    await harness.fake.waitFor(() => postsIn(harness, "C0000001", threadTs).length === 1, "the answer in the thread");
    const asked = core.questions.at(-1);
    expect(asked?.context[0]).toEqual(MINISTER_TURN);
    // Context never overrides a clear question: the same fact as asked on its own.
    expect(asked?.answer.factId).toBe(standalone.factId);
    expect(standalone.status).toBe("answered");
    expect(visibleText(postsIn(harness, "C0000001", threadTs)[0] ?? { blocks: [] })).toContain(standalone.answer);
  });

  it("carries a DM's context from one message to the next", async () => {
    const { harness, core, memory } = running;
    await memory.append("slack:D0000010", MINISTER_TURN);
    await sendEvent(harness, directMessage("and the Finnish one?", "D0000010"));
    await harness.fake.waitFor(() => postsIn(harness, "D0000010").length === 1, "the DM answer");
    const followUp = core.questions.at(-1);
    expect(followUp?.context[0]).toEqual(MINISTER_TURN);
    await sendEvent(harness, directMessage("what was his point?", "D0000010"));
    await harness.fake.waitFor(() => postsIn(harness, "D0000010").length === 2, "the second DM answer");
    expect(core.questions.at(-1)?.context).toEqual([MINISTER_TURN, ...turnsOf(followUp ? [followUp.answer] : [])]);
    // Another DM is another conversation.
    await sendEvent(harness, directMessage("and the Finnish one?", "D0000011"));
    await harness.fake.waitFor(() => postsIn(harness, "D0000011").length === 1, "the other DM's answer");
    expect(core.questions.at(-1)?.context).toEqual([]);
  });

  it("ignores plain replies in a thread it answered unless SLACK_THREAD_FOLLOWUPS is on", async () => {
    const { harness, memory } = running;
    const threadTs = nextTs();
    await memory.append(`slack:C0000001:${threadTs}`, MINISTER_TURN);
    await sendEvent(harness, channelMessage("and the Finnish one?", { thread_ts: threadTs }));
    await settle(harness);
    expect(postsIn(harness, "C0000001", threadTs)).toEqual([]);
  });

  it("answers the message shortcut from the manifest privately, with Share, acknowledged within 3 s", async () => {
    const { harness } = running;
    const { manifest } = await readManifest();
    const callbackId = manifest.features.shortcuts[0]?.callback_id ?? "?";
    const responseId = `shortcut${nextTs()}`;
    const started = performance.now();
    const result = await postSigned(harness.eventsUrl, {
      contentType: "application/x-www-form-urlencoded",
      body: messageShortcutBody({ callbackId, text: "Combien de soldats seraient mobilisés ?", responseUrl: harness.fake.responseUrl(responseId) }),
    });
    const acknowledgedMs = performance.now() - started;
    expect(result.status).toBe(200);
    expect(acknowledgedMs).toBeLessThan(SLACK_ACK_MS);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the private answer");
    expect(performance.now() - started).toBeLessThan(SLACK_ACK_MS);
    const answer = asMessage(harness.fake.responses(responseId)[0]?.body);
    expect(answer.response_type).toBe("ephemeral");
    expect(visibleText(answer)).toContain(harness.answerer.answer("Combien de soldats seraient mobilisés ?").answer);
    expect(buttons(answer).map((button) => button.actionId)).toEqual(["share_answer", "feedback_up", "feedback_down"]);
    // Nothing was posted for everyone to see.
    expect(harness.fake.apiCalls("chat.postMessage").some((call) => JSON.stringify(call.body).includes("soldats seraient"))).toBe(false);
  });

  it("answers the shortcut on a message without text with a private note", async () => {
    const { harness } = running;
    const responseId = `shortcut${nextTs()}`;
    await postSigned(harness.eventsUrl, {
      contentType: "application/x-www-form-urlencoded",
      body: messageShortcutBody({ callbackId: "ask_the_article", text: "", responseUrl: harness.fake.responseUrl(responseId) }),
    });
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the private note");
    const note = asMessage(harness.fake.responses(responseId)[0]?.body);
    expect(note.response_type).toBe("ephemeral");
    expect(visibleText(note)).toContain("That message has no text I can answer.");
  });

  it("publishes the App Home: the article, how to ask, and the topics with example questions", async () => {
    const { harness } = running;
    await sendEvent(harness, { type: "app_home_opened", user: "U0000003", channel: "D0000003", tab: "home", event_ts: "1" });
    await harness.fake.waitFor(() => harness.fake.apiCalls("views.publish").length === 1, "views.publish");
    const call = harness.fake.apiCalls("views.publish")[0];
    expect(call?.body.user_id).toBe("U0000003");
    const view = asMessage(call?.body.view);
    const text = visibleText(view);
    expect(text).toContain(harness.answerer.packs[0]?.title ?? "?");
    expect(text).toContain("How to ask");
    expect(text).toContain("Comment poser une question");
    for (const topic of harness.answerer.topics("en")) {
      expect(text).toContain(`*${topic.label}*`);
      expect(text).toContain(topic.examples[0] ?? "?");
    }
    // Opening the Messages tab publishes nothing.
    await sendEvent(harness, { type: "app_home_opened", user: "U0000003", channel: "D0000003", tab: "messages", event_ts: "2" });
    await settle(harness);
    expect(harness.fake.apiCalls("views.publish")).toHaveLength(1);
  });
});

describe("Slack conversations with SLACK_THREAD_FOLLOWUPS=true", () => {
  let running: Running;
  beforeAll(async () => {
    running = await start({ SLACK_THREAD_FOLLOWUPS: "true" });
  });
  afterAll(async () => {
    await running.harness.close();
  });

  it("answers a plain reply in an active thread it answered, in context, once", async () => {
    const { harness, core, memory } = running;
    const threadTs = nextTs();
    await memory.append(`slack:C0000001:${threadTs}`, MINISTER_TURN);
    const reply = channelMessage("and the Finnish one?", { thread_ts: threadTs });
    await sendEvent(harness, reply);
    await harness.fake.waitFor(() => postsIn(harness, "C0000001", threadTs).length === 1, "the answer to the plain reply");
    expect(core.questions.at(-1)?.context[0]).toEqual(MINISTER_TURN);
    // Slack sends the same message again (a retry under another event id): answered once.
    await sendEvent(harness, reply);
    await settle(harness);
    expect(postsIn(harness, "C0000001", threadTs)).toHaveLength(1);
  });

  it("ignores replies in threads it did not answer, other bots' replies, top-level messages, and leaves mentions to app_mention", async () => {
    const { harness, memory } = running;
    const active = nextTs();
    await memory.append(`slack:C0000001:${active}`, MINISTER_TURN);
    const quiet = nextTs();
    const asked = core().questions.length;
    await sendEvent(harness, channelMessage("and the Finnish one?", { thread_ts: quiet }));
    await sendEvent(harness, channelMessage("and the Finnish one?", { thread_ts: active, bot_id: "B0000009", user: "U0000009" }));
    await sendEvent(harness, channelMessage("and the Finnish one?"));
    await sendEvent(harness, channelMessage(`<@${FAKE_BOT_USER_ID}> and the Finnish one?`, { thread_ts: active }));
    await settle(harness);
    expect(postsIn(harness, "C0000001", quiet)).toEqual([]);
    expect(postsIn(harness, "C0000001", active)).toEqual([]);
    expect(core().questions.length).toBe(asked);
  });

  function core(): RecordingAnswerer {
    return running.core;
  }
});
