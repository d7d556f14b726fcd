import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SLACK_CALL_TIMEOUT_MS } from "../../adapters/slack/delivery.js";
import { REPLY_BUDGET_MS } from "../../src/ops/delivery.js";
import { asMessage, visibleText } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID } from "../support/slack-fake-api.js";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { eventBody, postSigned } from "../support/slack-requests.js";

// Posting a reply to Slack at most once: a failure is retried only when it proves nothing was
// posted (a 5xx, a 429), never after a timeout, and one reply takes a few seconds at most.

let harness: SlackHarness;
let sequence = 0;

beforeAll(async () => {
  harness = await startSlackHarness();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.fake.delay("chat.postMessage", 0);
});

async function mention(text: string): Promise<string> {
  sequence += 1;
  const ts = `1700400000.${String(sequence).padStart(6, "0")}`;
  const event = { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> ${text}`, ts, channel: "C0000005", event_ts: ts };
  const result = await postSigned(harness.eventsUrl, { contentType: "application/json", body: eventBody(`EvPost${sequence}`, event) });
  expect(result.status).toBe(200);
  return ts;
}

function repliesTo(ts: string): string[] {
  return harness.fake
    .apiCalls("chat.postMessage")
    .filter((call) => call.body.thread_ts === ts)
    .map((call) => visibleText(asMessage(call.body)));
}

describe("posting a reply", () => {
  it("sends a chat.postMessage that times out once: no second copy, no apology under it", async () => {
    harness.fake.delay("chat.postMessage", SLACK_CALL_TIMEOUT_MS + 2_000);
    const before = harness.fake.arrivals("chat.postMessage");
    const started = performance.now();
    await mention("combien de pays ?");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await harness.adapter.idle();
    expect(performance.now() - started).toBeLessThan(REPLY_BUDGET_MS + 500);
    // Long enough for a retry after the timeout to have arrived, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(harness.fake.arrivals("chat.postMessage") - before).toBe(1);
    expect(harness.logs.text).toContain("may have failed; not sending it again");
  }, 20_000);

  it("retries once after a 503, which proves nothing was posted, and posts the answer once", async () => {
    harness.fake.failHttpNext("chat.postMessage", 503);
    const before = harness.fake.arrivals("chat.postMessage");
    const ts = await mention("combien de pays ?");
    await harness.fake.waitFor(() => repliesTo(ts).length > 0, "the answer");
    await harness.adapter.idle();
    expect(harness.fake.arrivals("chat.postMessage") - before).toBe(2);
    expect(repliesTo(ts)).toHaveLength(1);
    expect(repliesTo(ts)[0]).toContain("trentaine de pays");
  });

  it("gives up on a 429 with Retry-After 30 at once and apologizes within the reply's budget", async () => {
    harness.fake.failHttpNext("chat.postMessage", 429, { "retry-after": "30" });
    const started = performance.now();
    const ts = await mention("combien de pays ?");
    await harness.fake.waitFor(() => repliesTo(ts).length > 0, "the apology", REPLY_BUDGET_MS);
    await harness.adapter.idle();
    expect(performance.now() - started).toBeLessThan(REPLY_BUDGET_MS);
    expect(repliesTo(ts)).toHaveLength(1);
    expect(repliesTo(ts)[0]).toContain("Désolé, une erreur est survenue");
  });

  it("waits out a short Retry-After and posts the answer once", async () => {
    harness.fake.failHttpNext("chat.postMessage", 429, { "retry-after": "1" });
    const ts = await mention("combien de pays ?");
    await harness.fake.waitFor(() => repliesTo(ts).length > 0, "the answer", REPLY_BUDGET_MS);
    await harness.adapter.idle();
    expect(repliesTo(ts)).toHaveLength(1);
    expect(repliesTo(ts)[0]).toContain("trentaine de pays");
  });
});
