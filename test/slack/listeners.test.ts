// The listener callbacks as plain functions, the Bolt starter's way: called with a fake ack and
// respond (and a fake client where they post), over a real conversation and the real core. The
// end-to-end tests beside these drive the same callbacks through the real Bolt app.
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { recordFeedback } from "../../adapters/slack/actions/feedback.js";
import { renderAnswer } from "../../adapters/slack/blocks.js";
import { answerAskCommand } from "../../adapters/slack/commands/ask.js";
import { createSeenKeys } from "../../adapters/slack/dedupe.js";
import { publishHome } from "../../adapters/slack/events/app-home.js";
import { answerMessage } from "../../adapters/slack/events/message.js";
import type { ListenerDeps } from "../../adapters/slack/listener-deps.js";
import { answerAskTheArticle } from "../../adapters/slack/shortcuts/ask-the-article.js";
import {
  createConversation,
  createInMemoryConversationMemory,
  createLogger,
  type Answerer,
  type ConversationMemory,
} from "../../src/index.js";
import { asMessage, buttons, visibleText } from "../support/slack-blocks.js";
import { realAnswerer } from "../support/slack-harness.js";

/** What a fake records: every call's arguments, in order. */
interface Recorder<Args extends unknown[]> {
  (...args: Args): Promise<void>;
  readonly calls: Args[];
}

function recorder<Args extends unknown[]>(fail?: Error): Recorder<Args> {
  const calls: Args[] = [];
  const fn = (...args: Args): Promise<void> => {
    calls.push(args);
    return fail === undefined ? Promise.resolve() : Promise.reject(fail);
  };
  return Object.assign(fn, { calls });
}

/**
 * Bolt's listener arguments carry far more than a callback reads (client, logger, context, next…);
 * the test hands over the parts the callback uses, as the Bolt starter's tests do.
 */
function invoke(listener: (deps: ListenerDeps, args: never) => Promise<void>, listenerDeps: ListenerDeps, parts: Record<string, unknown>): Promise<void> {
  return listener(listenerDeps, parts as never);
}

let answerer: Answerer;
beforeAll(async () => {
  answerer = await realAnswerer();
});

const silent = createLogger({ level: "silent", pretty: false, destination: new Writable({ write: (_c, _e, done) => { done(); } }) });

function deps(options: { memory?: ConversationMemory; threadFollowUps?: boolean } = {}): ListenerDeps {
  return {
    conversation: createConversation({ answerer, logger: silent, ...(options.memory === undefined ? {} : { memory: options.memory }) }),
    logger: silent,
    answeredMessages: createSeenKeys({ kind: "message" }),
    threadFollowUps: options.threadFollowUps ?? false,
  };
}

describe("/ask callback", () => {
  it("answers in the acknowledgement itself, privately, and responds to nothing else", async () => {
    const ack = recorder<[unknown?]>();
    const respond = recorder<[unknown]>();
    await invoke(answerAskCommand, deps(), { command: { text: "combien de pays ?", user_id: "U1" }, ack, respond });
    expect(ack.calls).toHaveLength(1);
    expect(respond.calls).toHaveLength(0);
    const message = asMessage(ack.calls[0]?.[0]);
    expect(message.response_type).toBe("ephemeral");
    expect(visibleText(message)).toContain(answerer.answer("combien de pays ?").answer);
  });

  it("answers 'aide' with the topics in French", async () => {
    const ack = recorder<[unknown?]>();
    await invoke(answerAskCommand, deps(), { command: { text: "aide", user_id: "U1" }, ack, respond: recorder() });
    const text = visibleText(asMessage(ack.calls[0]?.[0]));
    for (const topic of answerer.topics("fr")) expect(text).toContain(`*${topic.label}*`);
  });

  it("apologizes through response_url when the acknowledgement fails", async () => {
    const ack = recorder<[unknown?]>(new Error("socket closed"));
    const respond = recorder<[unknown]>();
    await invoke(answerAskCommand, deps(), { command: { text: "who launched the coalition?", user_id: "U1" }, ack, respond });
    expect(ack.calls).toHaveLength(1);
    expect(visibleText(asMessage(respond.calls[0]?.[0]))).toContain("Sorry, something went wrong");
  });
});

describe("Ask the article callback", () => {
  const body = (text: string) => ({
    user: { id: "U1" },
    response_url: "https://hooks.slack.test/response/1",
    channel: { id: "C1" },
    message: { text, ts: "1.1" },
  });

  it("acknowledges before anything else, then answers privately with Share", async () => {
    const order: string[] = [];
    const ack = recorder<[]>();
    const respond = recorder<[unknown]>();
    await invoke(answerAskTheArticle, deps(), {
      body: body("Combien de soldats seraient mobilisés ?"),
      ack: () => {
        order.push("ack");
        return ack();
      },
      respond: (message: unknown) => {
        order.push("respond");
        return respond(message);
      },
    });
    expect(order).toEqual(["ack", "respond"]);
    const answer = asMessage(respond.calls[0]?.[0]);
    expect(answer.response_type).toBe("ephemeral");
    expect(buttons(answer)[0]?.actionId).toBe("share_answer");
  });

  it("reads a forwarded message's attachment as the question", async () => {
    const respond = recorder<[unknown]>();
    const forwarded = { ...body(""), message: { text: "", ts: "1.1", attachments: [{ is_share: true, text: "Who launched the coalition?" }] } };
    await invoke(answerAskTheArticle, deps(), { body: forwarded, ack: recorder(), respond });
    expect(visibleText(asMessage(respond.calls[0]?.[0]))).toContain(answerer.answer("Who launched the coalition?").answer);
  });
});

describe("👍 / 👎 callback", () => {
  it("acknowledges, records the vote and thanks the presser alone", async () => {
    const ack = recorder<[]>();
    const respond = recorder<[unknown]>();
    const value = JSON.stringify({ f: "coalition-size", l: "en", q: "how many countries?" });
    await invoke(recordFeedback, deps(), {
      ack,
      respond,
      body: { user: { id: "U1" }, response_url: "https://hooks.slack.test/r", actions: [{ action_id: "feedback_up", value }] },
    });
    expect(ack.calls).toHaveLength(1);
    expect(respond.calls[0]?.[0]).toMatchObject({ response_type: "ephemeral", text: "Thanks for the feedback!" });
  });
});

describe("App Home callback", () => {
  it("publishes the Home tab for the user who opened it, and nothing for the Messages tab", async () => {
    const publish = recorder<[{ user_id: string; view: unknown }]>();
    const client = { views: { publish } };
    await invoke(publishHome, deps(), { event: { tab: "home", user: "U7" }, client });
    await invoke(publishHome, deps(), { event: { tab: "messages", user: "U7" }, client });
    expect(publish.calls).toHaveLength(1);
    expect(publish.calls[0]?.[0].user_id).toBe("U7");
    expect(visibleText(asMessage(publish.calls[0]?.[0].view))).toContain(answerer.packs[0]?.title ?? "?");
  });
});

describe("plain message callback", () => {
  const threadReply = { type: "message", channel_type: "channel", channel: "C1", user: "U2", text: "since when?", ts: "2.2", thread_ts: "1.1" };

  it("answers a reply in an active thread only with thread follow-ups on", async () => {
    const memory = createInMemoryConversationMemory();
    await memory.append("slack:C1:1.1", { question: "how many troops?", factId: "troop-numbers", entities: [], language: "en" });
    for (const threadFollowUps of [false, true]) {
      const postMessage = recorder<[{ channel: string; thread_ts?: string }]>();
      await invoke(answerMessage, deps({ memory, threadFollowUps }), { event: threadReply, client: { chat: { postMessage } }, context: { botUserId: "UBOT" } });
      expect(postMessage.calls.map(([call]) => [call.channel, call.thread_ts])).toEqual(threadFollowUps ? [["C1", "1.1"]] : []);
    }
  });
});

describe("Block Kit rendering", () => {
  it("links the article's title when the knowledge has its address, and shows the context note beside the question", () => {
    const base = answerer.answer("combien de pays ?");
    if (base.source === null) throw new Error("expected an answer with a source");
    const answer = { ...base, source: { ...base.source, url: "https://news.example/a?b=1&c=2" }, contextNote: "à propos de la coalition" };
    const text = visibleText(asMessage(renderAnswer(answer, { question: "et combien ?", ephemeral: false })));
    expect(text).toContain(`*<https://news.example/a?b=1&amp;c=2|${base.source.title}>*`);
    // The question is plain text (it cannot format the message); the note follows it, on its own.
    expect(text).toContain("Question : et combien ?\n(à propos de la coalition)");
  });
});
