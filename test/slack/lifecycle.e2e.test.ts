import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/index.js";
import { createSlackAdapter, SlackStartError } from "../../adapters/slack/index.js";
import { asMessage, visibleText } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID, FakeSlackApi } from "../support/slack-fake-api.js";
import { LogCapture, realAnswerer, realConversation, startSlackHarness } from "../support/slack-harness.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET, eventBody, postSigned } from "../support/slack-requests.js";

describe("Slack adapter lifecycle", () => {
  it("serves custom routes such as /healthz on the same port as Slack's requests", async () => {
    let connected: () => boolean = () => false;
    const harness = await startSlackHarness({
      customRoutes: [
        {
          path: "/healthz",
          method: ["GET"],
          handler: (_request, response: ServerResponse) => {
            response.writeHead(connected() ? 200 : 503, { "content-type": "text/plain" }).end(connected() ? "ok" : "down");
          },
        },
      ],
    });
    try {
      connected = () => harness.adapter.isConnected();
      const health = await fetch(`${harness.origin}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.text()).toBe("ok");
      expect((await fetch(`${harness.origin}/nothing-here`)).status).toBe(404);
    } finally {
      await harness.close();
    }
  });

  it("stop() stops accepting, lets the answer in flight finish, and resolves quickly", async () => {
    const harness = await startSlackHarness();
    harness.fake.delay("chat.postMessage", 300);
    const event = { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> combien de pays ?`, ts: "1700000900.000100", channel: "C0000009" };
    const accepted = await postSigned(harness.eventsUrl, { contentType: "application/json", body: eventBody("EvStop0001", event) });
    expect(accepted.status).toBe(200);

    const started = Date.now();
    await harness.adapter.stop();
    const elapsed = Date.now() - started;
    // The in-flight answer (slowed down to 300 ms by the fake) was posted before stop() resolved.
    const posted = harness.fake.apiCalls("chat.postMessage").map((call) => asMessage(call.body));
    expect(posted).toHaveLength(1);
    expect(visibleText(posted[0] ?? { blocks: [] })).toContain("trentaine de pays");
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThan(3000);
    expect(harness.adapter.isConnected()).toBe(false);
    await expect(fetch(harness.eventsUrl, { method: "POST", body: "{}" })).rejects.toThrow();
    await harness.adapter.stop(); // idempotent
    await harness.fake.stop();
  });

  it("stop() gives up on an answer stuck in flight and still resolves within 3 s, inside main's shutdown budget", async () => {
    const harness = await startSlackHarness();
    harness.fake.delay("chat.postMessage", 6_000);
    const event = { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> combien de pays ?`, ts: "1700000901.000100", channel: "C0000009" };
    const accepted = await postSigned(harness.eventsUrl, { contentType: "application/json", body: eventBody("EvStuck0001", event) });
    expect(accepted.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = Date.now();
    await harness.adapter.stop();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(3_000);
    expect(harness.logs.text).toContain("stopped with Slack work still in flight");
    expect(harness.adapter.isConnected()).toBe(false);
    await harness.fake.stop();
  });

  it("fails to start with an error naming SLACK_BOT_TOKEN when Slack rejects it, without the token", async () => {
    const fake = new FakeSlackApi();
    await fake.start();
    fake.failNext("auth.test", "invalid_auth");
    const logs = new LogCapture();
    const answerer = await realAnswerer();
    const logger = createLogger({ level: "debug", pretty: false, destination: logs });
    const adapter = createSlackAdapter(
      { conversation: realConversation(answerer, logger), logger },
      {
        env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: "0" },
        host: "127.0.0.1",
      },
    );
    const failure = await adapter.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SlackStartError);
    const message = (failure as Error).message;
    expect(message).toContain("SLACK_BOT_TOKEN");
    expect(message).toContain("invalid_auth");
    expect(message).not.toContain(TEST_BOT_TOKEN);
    expect(logs.text).not.toContain(TEST_BOT_TOKEN);
    expect(adapter.isConnected()).toBe(false);
    await adapter.stop();
    await fake.stop();
  });

  it("fails to start with an error naming SLACK_API_URL when the Web API cannot be reached", async () => {
    const fake = new FakeSlackApi();
    await fake.start();
    const unreachable = fake.apiUrl;
    await fake.stop();
    const answerer = await realAnswerer();
    const logger = createLogger({ level: "silent", pretty: false, destination: new LogCapture() });
    const adapter = createSlackAdapter(
      { conversation: realConversation(answerer, logger), logger },
      {
        env: { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: unreachable, PORT: "0" },
        host: "127.0.0.1",
      },
    );
    await expect(adapter.start()).rejects.toThrow(/could not reach the Slack Web API at http:\/\/127\.0\.0\.1:\d+\/api\/ .*SLACK_API_URL/);
    await adapter.stop();
  });
});
