import { SocketModeReceiver } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMetrics, operatorRoutes, type PlatformAdapter } from "../../src/index.js";
import { checkHealth } from "../../src/ops/health.js";
import { asMessage, visibleText } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID } from "../support/slack-fake-api.js";
import { freePort } from "../support/free-port.js";
import { FakeSlackSocket } from "../support/slack-fake-socket.js";
import { realAnswerer, startSlackHarness, type SlackHarness } from "../support/slack-harness.js";
import { TEST_APP_TOKEN } from "../support/slack-requests.js";

// Socket Mode: the app opens the connection itself (apps.connections.open on the fake Web API gives
// it the URL of a local WebSocket server), so it works behind a firewall with no public URL.

let socket: FakeSlackSocket;
let harness: SlackHarness;

beforeAll(async () => {
  socket = new FakeSlackSocket();
  await socket.listening();
  harness = await startSlackHarness({
    env: { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: "" },
    prepare: (fake) => {
      fake.socketUrl = socket.url;
    },
  });
});

afterAll(async () => {
  await harness.close();
  await socket.close();
});

describe("Socket Mode", () => {
  it("connects with the app token, answers /ask in the ack and mentions in a thread, then stops cleanly", async () => {
    expect(harness.adapter.mode).toBe("socket");
    expect(harness.adapter.isConnected()).toBe(true);
    expect(socket.connections).toBe(1);
    expect(harness.fake.apiCalls("apps.connections.open")[0]?.token).toBe(TEST_APP_TOKEN);

    const commandAck = await socket.push({
      envelope_id: "env-command-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        command: "/ask",
        text: "how many countries are in the coalition?",
        user_id: "U0000001",
        channel_id: "C0000001",
        team_id: "T0000001",
        api_app_id: "A0000001",
        response_url: harness.fake.responseUrl("socket-command"),
        trigger_id: "1.2.3",
      },
    });
    const answer = asMessage(commandAck.payload);
    expect(answer.response_type).toBe("ephemeral");
    expect(visibleText(answer)).toContain("about thirty countries allied with Kyiv");

    const event = {
      type: "app_mention",
      user: "U0000001",
      text: `<@${FAKE_BOT_USER_ID}> combien de pays ?`,
      ts: "1700000500.000100",
      channel: "C0000002",
    };
    const envelope = {
      type: "events_api",
      accepts_response_payload: false,
      payload: {
        type: "event_callback",
        event_id: "EvSocket0001",
        team_id: "T0000001",
        api_app_id: "A0000001",
        event,
        authorizations: [{ enterprise_id: null, team_id: "T0000001", user_id: FAKE_BOT_USER_ID, is_bot: true }],
      },
    };
    await socket.push({ envelope_id: "env-event-1", retry_attempt: 0, ...envelope });
    // Slack's retry of the same event over the socket: acknowledged, not answered again.
    await socket.push({ envelope_id: "env-event-2", retry_attempt: 1, retry_reason: "timeout", ...envelope });
    await harness.fake.waitFor(() => harness.fake.apiCalls("chat.postMessage").length > 0, "the threaded answer");
    await harness.adapter.idle();
    const posts = harness.fake.apiCalls("chat.postMessage").map((call) => asMessage(call.body));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe(event.ts);
    expect(visibleText(posts[0] ?? { blocks: [] })).toContain("une trentaine de pays alliés de Kiev");

    const started = Date.now();
    await harness.adapter.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(harness.adapter.isConnected()).toBe(false);
    await harness.fake.waitFor(() => socket.closed, "the WebSocket to close");
  });
});

describe("Socket Mode stop", () => {
  it("resolves within 3 s when closing the connection hangs, and its later failure is handled", async () => {
    // Every Socket Mode client's disconnect() closes the socket, then hangs past the stop deadline and fails.
    const clientPrototype: unknown = Object.getPrototypeOf(new SocketModeReceiver({ appToken: TEST_APP_TOKEN }).client);
    const { disconnect } = clientPrototype as { disconnect: (this: unknown) => Promise<void> };
    let markFailed: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => {
      markFailed = resolve;
    });
    const spy = vi.spyOn(clientPrototype as { disconnect: () => Promise<void> }, "disconnect").mockImplementation(async function (this: unknown) {
      await disconnect.call(this);
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      markFailed();
      throw new Error("the close handshake failed late");
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on("unhandledRejection", onUnhandled);
    const stuckSocket = new FakeSlackSocket();
    await stuckSocket.listening();
    const stuck = await startSlackHarness({
      env: { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: "" },
      prepare: (fake) => {
        fake.socketUrl = stuckSocket.url;
      },
    });
    try {
      expect(stuck.adapter.isConnected()).toBe(true);
      const started = Date.now();
      await stuck.adapter.stop();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(stuck.adapter.isConnected()).toBe(false);
      expect(stuck.logs.text).toContain("the Slack connection did not close in time");

      await failed;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect(stuck.logs.text).toContain("closing the Socket Mode connection failed");
      await stuck.adapter.stop(); // still stopped, and idempotent
      expect(stuck.adapter.isConnected()).toBe(false);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      spy.mockRestore();
      await stuck.close();
      await stuckSocket.close();
    }
  }, 10_000);
});

describe("/healthz in Socket Mode", () => {
  it("goes 503 while the connection to Slack is lost and back to 200 once reconnected", async () => {
    const dropSocket = new FakeSlackSocket();
    await dropSocket.listening();
    const port = await freePort();
    const adapters: PlatformAdapter[] = [];
    const answerer = await realAnswerer();
    const health = (): ReturnType<typeof checkHealth> => checkHealth({ knowledgeFacts: answerer.factCount, platforms: adapters });
    const metrics = createMetrics({ processMetrics: false });
    const dropHarness = await startSlackHarness({
      env: { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: "", PORT: String(port) },
      customRoutes: operatorRoutes({ health, metrics }),
      conversation: { metrics },
      prepare: (fake) => {
        fake.socketUrl = dropSocket.url;
      },
    });
    adapters.push(dropHarness.adapter);
    const healthz = async (): Promise<number> => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
    try {
      expect(await healthz()).toBe(200);
      // The Socket Mode client waits 5 s before reconnecting, so the outage is there to see.
      dropSocket.dropConnections();
      await waitUntil(async () => (await healthz()) === 503, "/healthz to report the lost connection");
      const body: unknown = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
      expect(body).toMatchObject({ status: "degraded", platforms: { slack: "disconnected" } });

      await waitUntil(async () => (await healthz()) === 200, "/healthz to recover", 10_000);
      expect(dropSocket.connections).toBe(2);
      // The lost connection counts as a platform error.
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('platform_errors_total{platform="slack"} 1');
    } finally {
      await dropHarness.close();
      await dropSocket.close();
    }
  });
});

async function waitUntil(check: () => Promise<boolean>, description: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
