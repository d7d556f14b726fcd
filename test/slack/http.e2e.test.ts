import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_BOT_USER_ID } from "../support/slack-fake-api.js";
import { asMessage, buttons, expectEchoedAsPlainText, visibleText, type PostedMessage } from "../support/slack-blocks.js";
import { factButtonFromValue, factButtonValue } from "../../adapters/slack/blocks.js";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import {
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  buttonPressBody,
  eventBody,
  postSigned,
  slashCommandBody,
} from "../support/slack-requests.js";

// The real Bolt app over HTTP on 127.0.0.1, with signed requests, the real core and a fake Web API.

let harness: SlackHarness;
let sequence = 0;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.close();
});

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}

async function ask(text: string): Promise<{ status: number; message: PostedMessage }> {
  const result = await postSigned(harness.eventsUrl, {
    contentType: "application/x-www-form-urlencoded",
    body: slashCommandBody({ text, responseUrl: harness.fake.responseUrl(nextId("cmd")) }),
  });
  expect(result.status).toBe(200);
  return { status: result.status, message: asMessage(result.text) };
}

async function press(actionId: string, value: string, isEphemeral: boolean): Promise<string> {
  const responseId = nextId("act");
  const result = await postSigned(harness.eventsUrl, {
    contentType: "application/x-www-form-urlencoded",
    body: buttonPressBody({
      actionId,
      value,
      isEphemeral,
      userId: "U0000042",
      responseUrl: harness.fake.responseUrl(responseId),
    }),
  });
  expect(result.status).toBe(200);
  return responseId;
}

async function sendEvent(event: Record<string, unknown>, eventId = nextId("Ev"), headers: Record<string, string> = {}) {
  const result = await postSigned(harness.eventsUrl, {
    contentType: "application/json",
    body: eventBody(eventId, event),
    headers,
  });
  expect(result.status).toBe(200);
  return eventId;
}

function mention(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "app_mention",
    user: "U0000001",
    text,
    ts: `1700000000.${nextId("")}`,
    channel: "C0000001",
    event_ts: "1700000000.000100",
    ...extra,
  };
}

function directMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    channel_type: "im",
    user: "U0000001",
    text,
    ts: `1700000100.${nextId("")}`,
    channel: "D0000001",
    event_ts: "1700000100.000100",
    ...extra,
  };
}

/** Waits until every accepted request has been handled, so "nothing was posted" means something. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await harness.adapter.idle();
}

function postedToChannel(channel: string): PostedMessage[] {
  return harness.fake
    .apiCalls("chat.postMessage")
    .map((call) => asMessage(call.body))
    .filter((message) => message.channel === channel);
}

describe("/ask", () => {
  it("answers a French question privately, with source, confidence and a share button", async () => {
    const { message } = await ask("combien de pays ?");
    const text = visibleText(message);
    expect(message.response_type).toBe("ephemeral");
    expect(text).toContain("une trentaine de pays alliés de Kiev");
    expect(text).toContain("Question : combien de pays ?");
    expect(text).toMatch(/Source : \*La « coalition des volontaires » réunie à Bruxelles[^*]*\* — “[^”]*trentaine de pays/);
    expect(text).toMatch(/Confiance : \d{1,3} %/);
    const expected = harness.answerer.answer("combien de pays ?");
    const feedbackValue = JSON.stringify({ f: expected.factId, l: "fr", q: "combien de pays ?" });
    // The share button carries the fact by id, like the fact buttons, and the confidence shown.
    const shareValue = JSON.stringify({ f: expected.factId, l: "fr", q: "combien de pays ?", c: expected.confidence });
    expect(buttons(message)).toEqual([
      { actionId: "share_answer", label: "Partager dans le canal", value: shareValue },
      { actionId: "feedback_up", label: "👍", value: feedbackValue },
      { actionId: "feedback_down", label: "👎", value: feedbackValue },
    ]);
    expect(message.text).toContain("trentaine de pays");
  });

  it("answers an English question in English", async () => {
    const { message } = await ask("how many countries are in the coalition?");
    const text = visibleText(message);
    expect(text).toContain("about thirty countries allied with Kyiv");
    expect(text).toMatch(/Confidence: \d{1,3}%/);
    expect(text).toContain("Source: *La « coalition des volontaires »");
    expect(buttons(message).map((button) => button.label)).toEqual(["Share in channel", "👍", "👎"]);
  });

  it("lists the topics with example questions for an empty /ask, help and aide", async () => {
    const empty = visibleText((await ask("")).message);
    const help = visibleText((await ask("help")).message);
    const aide = visibleText((await ask("aide")).message);
    const english = harness.answerer.topics("en");
    const french = harness.answerer.topics("fr");
    expect(english.length).toBeGreaterThan(1);
    for (const topic of english) expect(help).toContain(`*${topic.label}*`);
    for (const topic of french) expect(aide).toContain(`*${topic.label}*`);
    expect(help).toContain(`• ${english[0]?.examples[0] ?? "?"}`);
    expect(help).toContain("Ask me a question about *La « coalition des volontaires »");
    expect(aide).toContain("Posez-moi une question sur");
    expect(empty).toBe(help);
  });

  it("says it does not know, offers did-you-mean buttons, and a press answers in place", async () => {
    const question = "combien coûte la mission ?";
    const expected = harness.answerer.answer(question);
    expect(expected.status).toBe("unknown");
    expect(expected.suggestions.length).toBeGreaterThan(0);

    const { message } = await ask(question);
    expect(visibleText(message)).toContain("L’article ne dit rien là-dessus");
    const offered = buttons(message);
    // Each button carries its fact's id and the asker's language; the press is answered by id.
    expect(offered.map((button) => factButtonFromValue(button.value))).toEqual(
      expected.suggestions.map((s) => ({ factId: s.factId, language: "fr", question: s.question })),
    );
    expect(offered.map((button) => button.label)).toEqual(expected.suggestions.map((s) => s.question));
    expect(offered.map((button) => button.actionId)).toEqual(expected.suggestions.map((_, index) => `suggestion_${index}`));

    const chosen = offered[0];
    const suggestion = expected.suggestions[0];
    if (chosen === undefined || suggestion === undefined) throw new Error("no suggestion button");
    const responseId = await press(chosen.actionId, chosen.value, true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the in-place answer");
    const replaced = asMessage(harness.fake.responses(responseId)[0]?.body);
    const answer = harness.answerer.answerFact(suggestion.factId, "fr");
    expect(answer.status).toBe("answered");
    expect(replaced.replace_original).toBe(true);
    expect(visibleText(replaced)).toContain(answer.answer);
    expect(visibleText(replaced)).toContain(`Question : ${suggestion.question}`);
    // Still private, so it can be shared once it is a real answer; and it can be voted on.
    expect(buttons(replaced).map((button) => button.actionId)).toEqual(["share_answer", "feedback_up", "feedback_down"]);
    expect(factButtonFromValue(buttons(replaced)[1]?.value ?? "")?.factId).toBe(suggestion.factId);
  });

  it("still answers a did-you-mean button posted before buttons carried fact ids (its value is the question)", async () => {
    const responseId = await press("suggestion_1", "qui a lancé la coalition ?", false);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the in-place answer");
    const replaced = asMessage(harness.fake.responses(responseId)[0]?.body);
    expect(replaced.replace_original).toBe(true);
    expect(visibleText(replaced)).toContain(harness.answerer.answer("qui a lancé la coalition ?").answer);
  });

  it("shares an answer in the channel, naming who shared it, and removes the private copy", async () => {
    const { message } = await ask("combien de pays ?");
    const share = buttons(message).find((button) => button.actionId === "share_answer");
    if (share === undefined) throw new Error("no share button");
    const responseId = await press(share.actionId, share.value, true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 2, "the shared answer");
    const [shared, removal] = harness.fake.responses(responseId).map((call) => asMessage({ blocks: [], ...call.body }));
    expect(shared?.response_type).toBe("in_channel");
    expect(shared?.replace_original).toBe(false);
    const text = visibleText(shared ?? { blocks: [] });
    expect(text).toContain("<@U0000042> a demandé :\ncombien de pays ?");
    expect(text).toContain("une trentaine de pays alliés de Kiev");
    // The same confidence as the private answer, not the certainty of a fact picked by id.
    const confidence = /Confiance : \d{1,3} %/.exec(visibleText(message))?.[0];
    expect(text).toContain(confidence ?? "no confidence in the private answer");
    // No share button once shared; 👍 / 👎 for everyone who sees it.
    expect(buttons(shared ?? { blocks: [] }).map((button) => button.actionId)).toEqual(["feedback_up", "feedback_down"]);
    expect(removal?.delete_original).toBe(true);
  });

  it("still shares from a share button posted before buttons carried fact ids (its value is the question)", async () => {
    const responseId = await press("share_answer", "how many countries are in the coalition?", true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 2, "the shared answer");
    const [shared, removal] = harness.fake.responses(responseId).map((call) => asMessage({ blocks: [], ...call.body }));
    expect(shared?.response_type).toBe("in_channel");
    const text = visibleText(shared ?? { blocks: [] });
    expect(text).toContain("<@U0000042> asked:\nhow many countries are in the coalition?");
    expect(text).toContain("about thirty countries allied with Kyiv");
    expect(removal?.delete_original).toBe(true);
  });

  it("keeps an answer private when its fact is gone from the knowledge, telling only the sharer", async () => {
    const value = factButtonValue({ factId: "no-such-fact", language: "en", question: "how many countries?", confidence: 0.9 }) ?? "";
    const responseId = await press("share_answer", value, true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the private note");
    await harness.adapter.idle();
    const responses = harness.fake.responses(responseId).map((call) => asMessage({ blocks: [], ...call.body }));
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(responses[0]?.delete_original).toBeUndefined();
  });
});

describe("mentions and direct messages", () => {
  it("answers a mention in a new thread under the message, without the mention", async () => {
    const event = mention(`<@${FAKE_BOT_USER_ID}> How many countries are in the coalition?`);
    await sendEvent(event);
    await harness.fake.waitFor(() => postedToChannel("C0000001").some((m) => m.thread_ts === event.ts), "the threaded answer");
    const reply = postedToChannel("C0000001").find((m) => m.thread_ts === event.ts);
    const text = visibleText(reply ?? { blocks: [] });
    expect(text).toContain("about thirty countries allied with Kyiv");
    expect(text).toContain("Question: How many countries are in the coalition?");
    expect(text).not.toContain(FAKE_BOT_USER_ID);
    expect(buttons(reply ?? { blocks: [] }).map((button) => button.actionId)).toEqual(["feedback_up", "feedback_down"]);
    expect(harness.fake.apiCalls("chat.postMessage").at(-1)?.token).toBe(TEST_BOT_TOKEN);
  });

  it("answers a bare mention with the help, in a thread", async () => {
    const event = mention(`<@${FAKE_BOT_USER_ID}>`);
    await sendEvent(event);
    await harness.fake.waitFor(() => postedToChannel("C0000001").some((m) => m.thread_ts === event.ts), "the help");
    const text = visibleText(postedToChannel("C0000001").find((m) => m.thread_ts === event.ts) ?? { blocks: [] });
    expect(text).toContain("Ask me a question about");
    for (const topic of harness.answerer.topics("en")) expect(text).toContain(`*${topic.label}*`);
  });

  it("answers a mention inside a thread in that same thread", async () => {
    const event = mention(`<@${FAKE_BOT_USER_ID}> qui a lancé la coalition ?`, { thread_ts: "1699999999.000001" });
    await sendEvent(event);
    await harness.fake.waitFor(
      () => postedToChannel("C0000001").some((m) => m.thread_ts === "1699999999.000001"),
      "the answer in the existing thread",
    );
    const reply = postedToChannel("C0000001").find((m) => m.thread_ts === "1699999999.000001");
    expect(visibleText(reply ?? { blocks: [] })).toContain(harness.answerer.answer("qui a lancé la coalition ?").answer);
  });

  it("answers a direct message in the conversation", async () => {
    const before = postedToChannel("D0000001").length;
    await sendEvent(directMessage("Combien de soldats ?"));
    await harness.fake.waitFor(() => postedToChannel("D0000001").length === before + 1, "the DM answer");
    const reply = postedToChannel("D0000001").at(-1);
    expect(reply?.thread_ts).toBeUndefined();
    expect(visibleText(reply ?? { blocks: [] })).toContain(harness.answerer.answer("Combien de soldats ?").answer);
  });

  it("answers a direct message that carries a file, like any message typed by a person", async () => {
    const before = postedToChannel("D0000001").length;
    await sendEvent(directMessage("Who launched the coalition?", { subtype: "file_share", files: [] }));
    await harness.fake.waitFor(() => postedToChannel("D0000001").length === before + 1, "the DM answer");
    expect(visibleText(postedToChannel("D0000001").at(-1) ?? { blocks: [] })).toContain(
      harness.answerer.answer("Who launched the coalition?").answer,
    );
  });

  it("ignores bots, itself, edits of messages, and a second edit of a mention it answered", async () => {
    const before = harness.fake.posts().length;
    await sendEvent(directMessage("combien de pays ?", { bot_id: "B0000009", user: "U0000009" }));
    await sendEvent(directMessage("combien de pays ?", { subtype: "bot_message", bot_id: "B0000009" }));
    await sendEvent(directMessage("combien de pays ?", { user: FAKE_BOT_USER_ID, bot_id: "BBOT0001" }));
    await sendEvent(directMessage("", { subtype: "message_deleted", hidden: true }));
    await sendEvent(directMessage("<@U0000001> has joined the channel", { subtype: "channel_join" }));
    await sendEvent(
      directMessage("", {
        subtype: "message_changed",
        message: { type: "message", user: "U0000001", text: "combien de pays ?", ts: "1.1" },
      }),
    );
    await sendEvent(mention(`<@${FAKE_BOT_USER_ID}> combien de pays ?`, { bot_id: "B0000009" }));
    await settle();
    expect(harness.fake.posts().length).toBe(before);
  });

  it("answers a mention added by editing a message, once however often it is edited again", async () => {
    const original = mention(`<@${FAKE_BOT_USER_ID}> combien de pays ?`, { edited: { user: "U0000001", ts: "1700000000.999001" } });
    await sendEvent(original);
    await harness.fake.waitFor(() => postedToChannel("C0000001").some((m) => m.thread_ts === original.ts), "the answer to the edit");
    await sendEvent({ ...original, text: `<@${FAKE_BOT_USER_ID}> combien de pays dans la coalition ?`, edited: { user: "U0000001", ts: "1700000000.999002" } });
    await settle();
    expect(postedToChannel("C0000001").filter((m) => m.thread_ts === original.ts)).toHaveLength(1);
  });

  it("reads a forwarded or shared message (its attachments) as the question", async () => {
    const shared = directMessage("", {
      attachments: [{ is_share: true, text: "Combien de soldats seraient mobilisés ?", fallback: "[1 Dec] ada: Combien de soldats…", author_id: "U0000007" }],
    });
    const before = postedToChannel("D0000001").length;
    await sendEvent(shared);
    await harness.fake.waitFor(() => postedToChannel("D0000001").length === before + 1, "the answer to the forwarded message");
    const reply = postedToChannel("D0000001").at(-1) ?? { blocks: [] };
    expect(visibleText(reply)).toContain(harness.answerer.answer("Combien de soldats seraient mobilisés ?").answer);

    const sharedWithMention = mention(`<@${FAKE_BOT_USER_ID}>`, { attachments: [{ is_msg_unfurl: true, text: "Who launched the coalition?" }] });
    await sendEvent(sharedWithMention);
    await harness.fake.waitFor(() => postedToChannel("C0000001").some((m) => m.thread_ts === sharedWithMention.ts), "the answer to the shared message");
    const answer = postedToChannel("C0000001").find((m) => m.thread_ts === sharedWithMention.ts) ?? { blocks: [] };
    expect(visibleText(answer)).toContain(harness.answerer.answer("Who launched the coalition?").answer);
  });

  it("answers an event Slack delivers twice only once", async () => {
    const event = directMessage("Qui a lancé la coalition ?");
    const eventId = await sendEvent(event);
    await sendEvent(event, eventId, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await sendEvent(event, eventId, { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" });
    // The same message under another event id (two subscriptions delivering it) is answered once too.
    await sendEvent(event);
    await settle();
    const replies = harness.fake.apiCalls("chat.postMessage").filter((call) => {
      const text = visibleText(asMessage(call.body));
      return call.body.channel === "D0000001" && text.includes("Qui a lancé la coalition ?");
    });
    expect(replies).toHaveLength(1);
  });

  it("apologizes in the asker's language when posting the answer fails, and keeps working", async () => {
    harness.fake.failNext("chat.postMessage", "internal_error");
    const before = postedToChannel("D0000001").length;
    await sendEvent(directMessage("combien de pays ?"));
    await harness.fake.waitFor(() => postedToChannel("D0000001").length === before + 2, "the apology");
    const apology = postedToChannel("D0000001").at(-1);
    expect(visibleText(apology ?? { blocks: [] })).toContain("Désolé, une erreur est survenue");
    expect(harness.logs.text).toContain("a Slack message: sending the reply failed; apologizing");

    const { message } = await ask("how many countries?");
    expect(visibleText(message)).toContain("about thirty countries");
  });
});

describe("escaping", () => {
  const pings = /<!channel>|<!here>|<!everyone>|<@U0000666>|<!subteam/;

  it("never echoes a question as a mention, in /ask", async () => {
    const { message } = await ask("<!channel> <!here|here> <@U0000666> &lt;!everyone&gt; a & b combien de pays ?");
    const raw = JSON.stringify(message);
    expect(raw).not.toMatch(pings);
    expect(raw).not.toContain("<!everyone>");
    const text = visibleText(message);
    expect(text).toContain("&lt;!everyone&gt;");
    expect(text).toContain("a &amp; b");
    expect(text).toContain("trentaine de pays");
  });

  it("never echoes a question as a mention, in a thread", async () => {
    const event = mention(`<@${FAKE_BOT_USER_ID}> &lt;!channel&gt; <!here> <@U0000666> combien de pays ?`);
    await sendEvent(event);
    await harness.fake.waitFor(() => postedToChannel("C0000001").some((m) => m.thread_ts === event.ts), "the answer");
    const call = harness.fake.apiCalls("chat.postMessage").find((c) => c.body.thread_ts === event.ts);
    const raw = JSON.stringify(call?.body);
    expect(raw).not.toMatch(pings);
    expect(raw).toContain("&lt;!channel&gt;");
    expect(call?.body.link_names).toBe("false");
  });
});

describe("echoes cannot format", () => {
  // Answered (so it has a Share button): the link's label is what Slack shows, and what is echoed.
  const ANSWERED = "combien de *pays* _dans_ la ~coalition~ `?` <https://evil.example|ici> \u202Epays\u200B";
  // Refused, but echoed all the same: a bare link is echoed as its address.
  const REFUSED = "*gras* _italique_ ~barré~ `code` &gt; cité <https://evil.example/x> \u202Eexe.txt\u200B";
  const CARRIED = ["*pays*", "_dans_", "~coalition~", "`?`", "*gras*", "_italique_", "~barré~", "`code`", "evil.example", "\u202E", "\u200B"];

  it("echoes a question full of formatting, links and bidi controls as plain text, in /ask and in Share in channel", async () => {
    const { message } = await ask(ANSWERED);
    expect(visibleText(message)).toContain("trentaine de pays");
    expectEchoedAsPlainText(message, CARRIED, "combien de *pays* _dans_ la ~coalition~ `?` ici pays");

    const share = buttons(message).find((button) => button.actionId === "share_answer");
    if (share === undefined) throw new Error("no share button");
    const responseId = await press(share.actionId, share.value, true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 2, "the shared answer");
    const shared = asMessage({ blocks: [], ...harness.fake.responses(responseId)[0]?.body });
    expect(shared.response_type).toBe("in_channel");
    expectEchoedAsPlainText(shared, CARRIED, "combien de *pays* _dans_ la ~coalition~ `?` ici pays");
  });

  it("does the same in the reply to a mention", async () => {
    const event = mention(`<@${FAKE_BOT_USER_ID}> ${REFUSED}`);
    await sendEvent(event);
    await harness.fake.waitFor(() => postedToChannel("C0000001").some((m) => m.thread_ts === event.ts), "the answer");
    const reply = postedToChannel("C0000001").find((m) => m.thread_ts === event.ts);
    expectEchoedAsPlainText(reply ?? { blocks: [] }, CARRIED, "*gras* _italique_ ~barré~ `code` &gt; cité https://evil.example/x exe.txt");
  });
});

describe("request verification", () => {
  it("rejects a bad signature with 401 and posts nothing", async () => {
    const before = harness.fake.calls.length;
    const forged = await postSigned(harness.eventsUrl, {
      contentType: "application/json",
      body: eventBody(nextId("Ev"), directMessage("combien de pays ?")),
      secret: "someoneelsessecret0000000000000",
    });
    const command = await postSigned(harness.eventsUrl, {
      contentType: "application/x-www-form-urlencoded",
      body: slashCommandBody({ text: "combien de pays ?", responseUrl: harness.fake.responseUrl("forged") }),
      signature: "v0=0000000000000000000000000000000000000000000000000000000000000000",
    });
    expect(forged.status).toBe(401);
    expect(command.status).toBe(401);
    expect(command.text).toBe("");
    await settle();
    expect(harness.fake.calls.length).toBe(before);
  });

  it("rejects a correctly signed but stale request with 401 and posts nothing", async () => {
    const before = harness.fake.calls.length;
    const stale = await postSigned(harness.eventsUrl, {
      contentType: "application/json",
      body: eventBody(nextId("Ev"), directMessage("combien de pays ?")),
      secret: TEST_SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    await settle();
    expect(harness.fake.calls.length).toBe(before);
  });
});

describe("secrets", () => {
  it("never writes a token or the signing secret to the logs", () => {
    expect(harness.logs.lines.length).toBeGreaterThan(0);
    expect(harness.logs.text).not.toContain(TEST_BOT_TOKEN);
    expect(harness.logs.text).not.toContain(TEST_SIGNING_SECRET);
  });
});
