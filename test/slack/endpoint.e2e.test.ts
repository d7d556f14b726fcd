import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, operatorRoutes } from "../../src/index.js";
import { checkHealth } from "../../src/ops/health.js";
import { HTTP_LIMITS } from "../../src/ops/http-limits.js";
import { rawRequest } from "../support/raw-http.js";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { eventBody, postSigned, slackSignature, slashCommandBody, TEST_SIGNING_SECRET } from "../support/slack-requests.js";

// Slack's public endpoint as an attacker sees it: what is refused, how fast, and before reading
// what. Through the real adapter on 127.0.0.1, with raw sockets where fetch would hide the timing.

const metrics = createMetrics({ processMetrics: false });
let harness: SlackHarness;
let port: number;

beforeAll(async () => {
  harness = await startSlackHarness({
    conversation: { metrics },
    customRoutes: operatorRoutes({ health: () => checkHealth({ knowledgeFacts: 1, platforms: [] }), metrics }),
  });
  port = harness.adapter.port() ?? 0;
});
afterAll(async () => {
  await harness.close();
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function directMessage(text: string, ts: string): Record<string, unknown> {
  return { type: "message", channel_type: "im", user: "U0000001", text, ts, channel: "D0000009", event_ts: ts };
}

/** Waits until every accepted request has been handled, so "nothing was posted" means something. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await harness.adapter.idle();
}

async function rejected(reason: string): Promise<number> {
  const text = await metrics.render();
  const match = new RegExp(`rejected_requests_total\\{platform="slack",reason="${reason}"\\} (\\d+)`).exec(text);
  return Number(match?.[1] ?? Number.NaN);
}

describe("refused before the body is read", () => {
  it("answers 401 at once to a request without X-Slack-Request-Timestamp, with its body still to come", async () => {
    const answer = await rawRequest(port, [
      "POST /slack/events HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      "Content-Length: 100000",
      "X-Slack-Signature: v0=" + "0".repeat(64),
    ]);
    expect(answer.status).toBe(401);
    expect(answer.ms).toBeLessThan(1_000);
  });

  it("answers 401 at once to a timestamp more than 5 minutes away, either way, with its body still to come", async () => {
    for (const timestamp of [nowSeconds() - 6 * 60, nowSeconds() + 6 * 60]) {
      const answer = await rawRequest(port, [
        "POST /slack/events HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        "Content-Length: 100000",
        `X-Slack-Request-Timestamp: ${timestamp}`,
        "X-Slack-Signature: v0=" + "0".repeat(64),
      ]);
      expect(answer.status).toBe(401);
      expect(answer.ms).toBeLessThan(1_000);
    }
  });

  it("answers 413 at once to a declared body over the limit, and to a body that turns out longer", async () => {
    const head = (length: number): string[] => [
      "POST /slack/events HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      `Content-Length: ${length}`,
      `X-Slack-Request-Timestamp: ${nowSeconds()}`,
      "X-Slack-Signature: v0=" + "0".repeat(64),
    ];
    const declared = await rawRequest(port, head(4 * 1024 * 1024));
    expect(declared.status).toBe(413);
    expect(declared.ms).toBeLessThan(1_000);

    const chunked = await rawRequest(
      port,
      [...head(0).filter((line) => !line.startsWith("Content-Length")), "Transfer-Encoding: chunked"],
      `${(HTTP_LIMITS.bodyLimitBytes + 1).toString(16)}\r\n${"x".repeat(HTTP_LIMITS.bodyLimitBytes + 1)}\r\n`,
    );
    expect(chunked.status).toBe(413);
  });
});

describe("signed requests", () => {
  it("refuses a correctly signed request dated 10 minutes ahead with 401, and answers nothing", async () => {
    const before = harness.fake.calls.length;
    const ts = "1700300000.000001";
    const result = await postSigned(harness.eventsUrl, {
      contentType: "application/json",
      body: eventBody("EvFuture0001", directMessage("combien de pays ?", ts)),
      timestamp: nowSeconds() + 10 * 60,
    });
    expect(result.status).toBe(401);
    await settle();
    expect(harness.fake.calls.length).toBe(before);
  });

  it("answers a signed JSON null, an array and an object without a type with 400, at once", async () => {
    for (const body of ["null", "[]", '{"event":{}}', "not json"]) {
      const started = performance.now();
      const result = await postSigned(harness.eventsUrl, { contentType: "application/json", body });
      expect(result.status, body).toBe(400);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it("answers a signed /ask with its text twice with 400, at once, and posts nothing", async () => {
    const before = harness.fake.calls.length;
    const body = `${slashCommandBody({ text: "combien de pays ?", responseUrl: harness.fake.responseUrl("twice") })}&text=encore`;
    const started = performance.now();
    const result = await postSigned(harness.eventsUrl, { contentType: "application/x-www-form-urlencoded", body });
    expect(result.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(2_000);
    await settle();
    expect(harness.fake.calls.length).toBe(before);
  });

  it("answers a signed interactive payload that is not an object with 400", async () => {
    const result = await postSigned(harness.eventsUrl, {
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams({ payload: "null" }).toString(),
    });
    expect(result.status).toBe(400);
  });

  it("still answers a well-formed signed /ask", async () => {
    const result = await postSigned(harness.eventsUrl, {
      contentType: "application/x-www-form-urlencoded",
      body: slashCommandBody({ text: "combien de pays ?", responseUrl: harness.fake.responseUrl("fine") }),
    });
    expect(result.status).toBe(200);
    expect(result.text).toContain("trentaine de pays");
  });
});

describe("forged requests", () => {
  it("counts every bad signature in rejected_requests_total and logs a sample, not a line each", async () => {
    const before = await rejected("signature");
    const warningsBefore = harness.logs.lines.filter((line) => line.includes("refused a Slack request")).length;
    const body = eventBody("EvForged0001", directMessage("combien de pays ?", "1700300001.000001"));
    for (let i = 0; i < 30; i += 1) {
      const result = await postSigned(harness.eventsUrl, { contentType: "application/json", body, secret: "someoneelsessecret0000000000000" });
      expect(result.status).toBe(401);
    }
    expect(await rejected("signature")).toBe(before + 30);
    const warnings = harness.logs.lines.filter((line) => line.includes("refused a Slack request")).slice(warningsBefore);
    expect(warnings.length).toBeLessThanOrEqual(1);
    expect(harness.logs.text).not.toContain(TEST_SIGNING_SECRET);
  });

  it("a signature made for another timestamp does not pass", async () => {
    const body = eventBody("EvReplay0001", directMessage("combien de pays ?", "1700300002.000001"));
    const result = await postSigned(harness.eventsUrl, {
      contentType: "application/json",
      body,
      signature: slackSignature(TEST_SIGNING_SECRET, nowSeconds() - 60, body),
    });
    expect(result.status).toBe(401);
  });
});

describe("other paths", () => {
  it("serves the custom routes and answers 404 elsewhere, without reading a body", async () => {
    expect((await fetch(`${harness.origin}/healthz`)).status).toBe(200);
    const answer = await rawRequest(port, ["POST /elsewhere HTTP/1.1", "Host: 127.0.0.1", "Content-Length: 100000"]);
    expect(answer.status).toBe(404);
    expect(answer.ms).toBeLessThan(1_000);
  });
});
