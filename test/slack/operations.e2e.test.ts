import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factButtonFromValue, factButtonValue } from "../../adapters/slack/blocks.js";
import { createFeedbackStore, createMetrics, createRateLimiter, operatorRoutes, type PlatformAdapter } from "../../src/index.js";
import { readFeedback } from "../../src/ops/feedback-store.js";
import { checkHealth } from "../../src/ops/health.js";
import { asMessage, buttons, visibleText, type PostedMessage } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID } from "../support/slack-fake-api.js";
import { realAnswerer, startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { buttonPressBody, eventBody, postSigned, slashCommandBody } from "../support/slack-requests.js";

// Operations on Slack, end to end through the real Bolt app, signed requests and the fake Web API:
// the per-user limit, 👍/👎 recorded in the feedback file, and /healthz + /metrics on Slack's port.

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}

async function ask(harness: SlackHarness, text: string, userId: string): Promise<PostedMessage> {
  const result = await postSigned(harness.eventsUrl, {
    contentType: "application/x-www-form-urlencoded",
    body: slashCommandBody({ text, userId, responseUrl: harness.fake.responseUrl(nextId("cmd")) }),
  });
  expect(result.status).toBe(200);
  return asMessage(result.text);
}

async function sendEvent(harness: SlackHarness, event: Record<string, unknown>): Promise<void> {
  const result = await postSigned(harness.eventsUrl, { contentType: "application/json", body: eventBody(nextId("Ev"), event) });
  expect(result.status).toBe(200);
}

function mention(text: string, user: string): Record<string, unknown> & { ts: string } {
  return { type: "app_mention", user, text: `<@${FAKE_BOT_USER_ID}> ${text}`, ts: `1700002000.${nextId("")}`, channel: "C0000003" };
}

async function press(harness: SlackHarness, actionId: string, value: string, userId: string, isEphemeral: boolean): Promise<string> {
  const responseId = nextId("act");
  const result = await postSigned(harness.eventsUrl, {
    contentType: "application/x-www-form-urlencoded",
    body: buttonPressBody({ actionId, value, userId, isEphemeral, responseUrl: harness.fake.responseUrl(responseId) }),
  });
  expect(result.status).toBe(200);
  return responseId;
}

/** Waits until every accepted request has been handled, so "nothing was posted" means something. */
async function settle(harness: SlackHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  await harness.adapter.idle();
}

describe("the per-user limit on Slack", () => {
  const LIMIT = 3;
  const metrics = createMetrics({ processMetrics: false });
  let harness: SlackHarness;

  beforeAll(async () => {
    harness = await startSlackHarness({ conversation: { limiter: createRateLimiter({ limit: LIMIT }), metrics } });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("answers /ask up to the limit, then only a polite ephemeral note in the ack; another user is unaffected", async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      expect(visibleText(await ask(harness, "combien de pays ?", "ULIMIT0A"))).toContain("trentaine de pays");
    }
    const postsBefore = harness.fake.posts().length;
    const refused = await ask(harness, "combien de pays ?", "ULIMIT0A");
    expect(refused.response_type).toBe("ephemeral");
    expect(refused.text).toMatch(/^Vous posez beaucoup de questions en peu de temps : merci de réessayer dans \d+ secondes?\.$/);
    expect(visibleText(refused)).not.toContain("trentaine de pays");
    expect(buttons(refused)).toEqual([]);
    await settle(harness);
    expect(harness.fake.posts().length).toBe(postsBefore);

    expect(visibleText(await ask(harness, "how many countries?", "ULIMIT0B"))).toContain("about thirty countries");
    // The limited user is still limited, in English when asked in English.
    expect((await ask(harness, "how many countries?", "ULIMIT0A")).text).toMatch(/^You are asking a lot of questions/);
  });

  it("answers mentions up to the limit, then only an ephemeral note in the thread, to that user alone", async () => {
    const allowed = Array.from({ length: LIMIT }, () => mention("combien de pays ?", "ULIMIT0C"));
    for (const event of allowed) await sendEvent(harness, event);
    await harness.fake.waitFor(
      () => allowed.every((event) => harness.fake.apiCalls("chat.postMessage").some((call) => call.body.thread_ts === event.ts)),
      "the answers in their threads",
    );

    const over = mention("combien de pays ?", "ULIMIT0C");
    await sendEvent(harness, over);
    await harness.fake.waitFor(() => harness.fake.apiCalls("chat.postEphemeral").length === 1, "the ephemeral note");
    const other = mention("how many countries?", "ULIMIT0D");
    await sendEvent(harness, other);
    await harness.fake.waitFor(
      () => harness.fake.apiCalls("chat.postMessage").some((call) => call.body.thread_ts === other.ts),
      "the other user's answer",
    );
    await settle(harness);

    const note = harness.fake.apiCalls("chat.postEphemeral")[0]?.body ?? {};
    expect(note).toMatchObject({ channel: "C0000003", user: "ULIMIT0C", thread_ts: over.ts });
    expect(visibleText(asMessage(note))).toMatch(/merci de réessayer dans \d+ secondes?/);
    expect(harness.fake.posts().filter((call) => call.body.thread_ts === over.ts)).toHaveLength(1);
  });

  it("answers a direct message over the limit with an ephemeral note in the DM, nothing else", async () => {
    const before = harness.fake.posts().length;
    const dm = { type: "message", channel_type: "im", user: "ULIMIT0C", text: "who launched the coalition?", ts: `1700002100.${nextId("")}`, channel: "D0000003" };
    await sendEvent(harness, dm);
    await harness.fake.waitFor(() => harness.fake.apiCalls("chat.postEphemeral").length === 2, "the second ephemeral note");
    await settle(harness);
    expect(harness.fake.posts().length).toBe(before + 1);
    expect(harness.fake.apiCalls("chat.postEphemeral")[1]?.body).toMatchObject({ channel: "D0000003", user: "ULIMIT0C" });
    expect(harness.fake.apiCalls("chat.postEphemeral")[1]?.body.thread_ts).toBeUndefined();
  });

  it("answers a did-you-mean press over the limit with a private note, leaving the message as it was", async () => {
    const suggestion = harness.answerer.answer("combien coûte la mission ?").suggestions[0];
    if (suggestion === undefined) throw new Error("no suggestion");
    const value = factButtonValue({ factId: suggestion.factId, language: "fr", question: suggestion.question }) ?? "";
    const responseId = await press(harness, "suggestion_0", value, "ULIMIT0A", true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the note for the suggestion");
    await settle(harness);
    const responses = harness.fake.responses(responseId).map((call) => call.body);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(responses[0]?.text)).toMatch(/merci de réessayer dans \d+ secondes?/);
  });

  it("shares an answer the user already has even over the limit: sharing is not a new question, nor counted as one", async () => {
    const answer = harness.answerer.answer("combien de pays ?");
    const value = factButtonValue({ factId: answer.factId ?? "", language: "fr", question: "combien de pays ?", confidence: answer.confidence }) ?? "";
    const before = await metrics.render();
    const responseId = await press(harness, "share_answer", value, "ULIMIT0A", true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 2, "the shared answer and the removal");
    await settle(harness);
    const [shared, removal] = harness.fake.responses(responseId).map((call) => call.body);
    expect(shared).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(visibleText(asMessage(shared))).toContain("trentaine de pays");
    expect(removal).toMatchObject({ delete_original: true });
    expect(await metrics.render()).toBe(before);
  });

  it("counts the refusals in the metrics and logs them", async () => {
    const text = await metrics.render();
    expect(text).toContain('questions_total{platform="slack",status="rate_limited"} 5');
    expect(harness.logs.text).toContain('"status":"rate_limited"');
  });
});

describe("👍 / 👎 on Slack", () => {
  let dataDir: string;
  let harness: SlackHarness;
  const warnings: string[] = [];
  const readLogger = { warn: (_details: unknown, message: string) => warnings.push(message) };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "slack-feedback-"));
    harness = await startSlackHarness({
      conversation: {
        feedback: createFeedbackStore({ dataDir, recordQuestions: true, logger: { warn: () => undefined, error: () => undefined } }),
      },
    });
  });
  afterAll(async () => {
    await harness.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("records a 👍 on an /ask answer in the JSON Lines file and thanks the user privately", async () => {
    const answer = harness.answerer.answer("combien de pays ?");
    const message = await ask(harness, "combien de pays ?", "UVOTER01");
    const up = buttons(message).find((button) => button.actionId === "feedback_up");
    if (up === undefined) throw new Error("no 👍 button");

    const responseId = await press(harness, up.actionId, up.value, "UVOTER01", true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the thanks");
    const thanks = harness.fake.responses(responseId)[0]?.body ?? {};
    // A new private message; the answer itself is left as it was.
    expect(thanks).toMatchObject({ response_type: "ephemeral", replace_original: false, text: "Merci pour votre retour !" });
    expect(thanks.delete_original).toBeUndefined();

    const votes = (await readFeedback(dataDir, { logger: readLogger })).filter((record) => record.vote !== null);
    expect(votes).toEqual([
      expect.objectContaining({ platform: "slack", vote: "up", factId: answer.factId, status: "answered", question: "combien de pays ?" }),
    ]);
    expect(warnings).toEqual([]);
  });

  it("records a 👎 pressed under a threaded answer, in English, and keeps the refusals for curators", async () => {
    const event = mention("who launched the coalition?", "UVOTER02");
    await sendEvent(harness, event);
    await harness.fake.waitFor(() => harness.fake.apiCalls("chat.postMessage").some((call) => call.body.thread_ts === event.ts), "the answer");
    const posted = asMessage(harness.fake.apiCalls("chat.postMessage").find((call) => call.body.thread_ts === event.ts)?.body);
    const down = buttons(posted).find((button) => button.actionId === "feedback_down");
    if (down === undefined) throw new Error("no 👎 button");
    const factId = factButtonFromValue(down.value)?.factId;
    expect(factId).toBe(harness.answerer.answer("who launched the coalition?").factId);

    const responseId = await press(harness, down.actionId, down.value, "UVOTER03", false);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 1, "the thanks");
    expect(harness.fake.responses(responseId)[0]?.body).toMatchObject({ response_type: "ephemeral", text: "Thanks for the feedback!" });

    await ask(harness, "combien coûte la mission ?", "UVOTER02");
    await settle(harness);
    const records = await readFeedback(dataDir, { logger: readLogger });
    expect(records.filter((record) => record.vote === "down")).toEqual([
      expect.objectContaining({ platform: "slack", vote: "down", factId, question: "who launched the coalition?" }),
    ]);
    expect(records).toContainEqual(
      expect.objectContaining({ platform: "slack", status: "unknown", vote: null, question: "combien coûte la mission ?" }),
    );
  });

  it("records nothing for a share: the question was recorded when it was asked", async () => {
    const message = await ask(harness, "combien de pays ?", "UVOTER05");
    await settle(harness);
    const share = buttons(message).find((button) => button.actionId === "share_answer");
    if (share === undefined) throw new Error("no share button");
    const before = await readFeedback(dataDir, { logger: readLogger });
    const responseId = await press(harness, share.actionId, share.value, "UVOTER05", true);
    await harness.fake.waitFor(() => harness.fake.responses(responseId).length === 2, "the shared answer");
    await settle(harness);
    await harness.conversation.flush();
    expect(await readFeedback(dataDir, { logger: readLogger })).toEqual(before);
  });

  it("ignores a feedback press it cannot read: nothing recorded, nothing posted", async () => {
    const before = (await readFeedback(dataDir, { logger: readLogger })).length;
    const responseId = await press(harness, "feedback_up", "<!channel> not ours", "UVOTER04", false);
    await settle(harness);
    expect(harness.fake.responses(responseId)).toEqual([]);
    expect(await readFeedback(dataDir, { logger: readLogger })).toHaveLength(before);
  });
});

describe("/healthz and /metrics on Slack's HTTP port", () => {
  const metrics = createMetrics();
  const adapters: PlatformAdapter[] = [];
  let harness: SlackHarness;

  beforeAll(async () => {
    // Wired as app/main.ts wires them: the routes read the adapters on every request.
    const answerer = await realAnswerer();
    metrics.setKnowledgeFacts(answerer.factCount);
    const health = (): ReturnType<typeof checkHealth> => checkHealth({ knowledgeFacts: answerer.factCount, platforms: adapters });
    harness = await startSlackHarness({ customRoutes: operatorRoutes({ health, metrics }), conversation: { metrics } });
    adapters.push(harness.adapter);
  });
  afterAll(async () => {
    await harness.close();
  });

  it("serves /healthz: 200 with the knowledge and Slack connected", async () => {
    const response = await fetch(`${harness.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      knowledge: { loaded: true, facts: harness.answerer.factCount },
      platforms: { slack: "connected" },
    });
  });

  it("serves /metrics, counting a Slack question and a failure to post to Slack", async () => {
    const before = await (await fetch(`${harness.origin}/metrics`)).text();
    expect(before).toContain('questions_total{platform="slack",status="answered"} 0');
    expect(before).toContain(`knowledge_facts ${harness.answerer.factCount}`);

    await ask(harness, "combien de pays ?", "UMETRIC1");
    harness.fake.failNext("chat.postMessage", "internal_error");
    const dm = { type: "message", channel_type: "im", user: "UMETRIC1", text: "combien de soldats ?", ts: `1700002200.${nextId("")}`, channel: "D0000004" };
    await sendEvent(harness, dm);
    await harness.fake.waitFor(() => harness.fake.apiCalls("chat.postMessage").length === 2, "the apology");

    const response = await fetch(`${harness.origin}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('questions_total{platform="slack",status="answered"} 2');
    expect(text).toContain('platform_errors_total{platform="slack"} 1');
    expect(text).toMatch(/answer_latency_seconds_count\{platform="slack"\} 2/);
    expect(harness.logs.text).toContain('"msg":"platform error counted"');
  });
});
