// `npm start` in Slack's HTTP mode, as one real process started the way a process manager does
// (npm itself, in a process group of its own), against the fake Slack Web API on 127.0.0.1,
// tried as an attacker and as an operator would: slow clients, signatures, malformed bodies,
// echoes, a slow Slack, an unwritable DATA_DIR, and SIGTERM to npm alone.
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { HTTP_LIMITS } from "../../src/ops/http-limits.js";
import { killBotProcess, spawnBotProcess, waitUntilHealthy, type BotProcess } from "../support/bot-process.js";
import { SlowClient } from "../support/raw-http.js";
import { asMessage, buttons, expectEchoedAsPlainText, visibleText } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID, FakeSlackApi } from "../support/slack-fake-api.js";
import {
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  buttonPressBody,
  eventBody,
  postSigned,
  slashCommandBody,
} from "../support/slack-requests.js";

const METRICS_TOKEN = "metrics-token-for-the-process-test";
/** What the issue asks of the bot under 300 slow connections. */
const SLOW_CONNECTIONS = 300;
const ASK_WITHIN_MS = 2_000;
const CLOSED_WITHIN_MS = 20_000;
const MAX_RSS_GROWTH_BYTES = 80 * 1024 * 1024;

const HealthSchema = z.object({
  status: z.string(),
  platforms: z.record(z.string(), z.string()),
  feedback: z.object({ status: z.string(), error: z.string().optional() }),
});

let slack: FakeSlackApi;
let workDir: string;
let server: BotProcess;
let child: ChildProcess;
let origin: string;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

async function metricsText(): Promise<string> {
  const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  return Number(match?.[1] ?? Number.NaN);
}

/** True while any process of the group led by `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  slack = new FakeSlackApi();
  await slack.start();
  workDir = await mkdtemp(path.join(tmpdir(), "hardening-process-"));
  // DATA_DIR is a plain file: the feedback file can never be written.
  const dataDir = path.join(workDir, "data");
  await writeFile(dataDir, "not a folder\n");
  // npm's own lines kept (no --silent): a process manager sees them too, and the stop test signals npm alone.
  server = await spawnBotProcess({
    slackApiUrl: slack.apiUrl,
    npmArgs: [],
    env: { npm_config_update_notifier: "false", LOG_LEVEL: "info", DATA_DIR: dataDir, METRICS_TOKEN },
  });
  ({ child, origin } = server);
  await waitUntilHealthy(server, 20_000);
}, 30_000);

afterAll(async () => {
  killBotProcess(server);
  await slack.stop();
  await rm(workDir, { recursive: true, force: true });
});

async function ask(text: string, responseId: string): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const result = await postSigned(`${origin}/slack/events`, {
    contentType: "application/x-www-form-urlencoded",
    body: slashCommandBody({ text, responseUrl: slack.responseUrl(responseId) }),
  });
  return { ...result, ms: performance.now() - started };
}

describe("npm start, Slack HTTP mode, under attack and in operation", () => {
  it("with DATA_DIR a plain file, /healthz stays 200 and names the failing feedback store; the error counter counts", async () => {
    expect((await ask("combien de pays ?", "feedback-1")).status).toBe(200);
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    const report = HealthSchema.parse(await health.json());
    expect(report.status).toBe("ok");
    expect(report.feedback.status).toBe("failing");
    expect(report.feedback.error).toMatch(/^E[A-Z]+$/);
    expect(metricValue(await metricsText(), "feedback_write_errors_total")).toBeGreaterThanOrEqual(1);
    // Logged once for the streak, not once per question.
    expect(server.output().split("\n").filter((line) => line.includes("could not record feedback"))).toHaveLength(1);
  });

  it("/metrics needs the bearer token set in METRICS_TOKEN", async () => {
    expect((await fetch(`${origin}/metrics`)).status).toBe(401);
    expect(await metricsText()).toContain("questions_total");
  });

  it(`answers a signed /ask within ${ASK_WITHIN_MS} ms with ${SLOW_CONNECTIONS} slow connections open, closes them, and stays flat in memory`, async () => {
    const rssBefore = metricValue(await metricsText(), "process_resident_memory_bytes");
    const { port } = new URL(origin);
    const third = SLOW_CONNECTIONS / 3;
    const bodyHead = [
      "POST /slack/events HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/x-www-form-urlencoded",
      "Content-Length: 60000",
      `X-Slack-Request-Timestamp: ${nowSeconds()}`,
      `X-Slack-Signature: v0=${"0".repeat(64)}`,
      "",
      "",
    ].join("\r\n");
    const clients = [
      // Headers a byte a second, never finished.
      ...Array.from({ length: third }, () => new SlowClient(Number(port), "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ".padEnd(400, "x"))),
      // Headers that pass the first checks, then a body a byte a second.
      ...Array.from({ length: third }, () => new SlowClient(Number(port), "x".repeat(400), 1_000, bodyHead)),
      // Connected, and nothing sent at all.
      ...Array.from({ length: third }, () => new SlowClient(Number(port), "")),
    ];
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const answer = await ask("combien de pays ?", "under-load");
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("trentaine de pays");
      expect(answer.ms).toBeLessThan(ASK_WITHIN_MS);
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);

      let rssPeak = 0;
      const deadline = performance.now() + CLOSED_WITHIN_MS - 1_500;
      while (performance.now() < deadline && clients.some((client) => client.closedAt === undefined)) {
        rssPeak = Math.max(rssPeak, metricValue(await metricsText(), "process_resident_memory_bytes"));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const closed = clients.filter((client) => client.closedAt !== undefined && client.closedAt <= CLOSED_WITHIN_MS);
      const growth = rssPeak - rssBefore;
      const slowest = Math.max(...closed.map((client) => client.closedAt ?? 0));
      console.info(
        `slow connections: ${closed.length}/${clients.length} closed by the server, the last after ${Math.round(slowest)} ms; ` +
          `/ask answered in ${Math.round(answer.ms)} ms; RSS ${Math.round(rssBefore / 2 ** 20)} MB before, peak ${Math.round(rssPeak / 2 ** 20)} MB (growth ${Math.round(growth / 2 ** 20)} MB)`,
      );
      expect(closed.length).toBeGreaterThanOrEqual(Math.ceil(clients.length * 0.95));
      // None was closed before it could have been too slow: the limits, not a refusal at connect.
      expect(Math.min(...closed.map((client) => client.closedAt ?? 0))).toBeGreaterThan(HTTP_LIMITS.headersTimeoutMs - 500);
      expect(growth).toBeLessThan(MAX_RSS_GROWTH_BYTES);
    } finally {
      for (const client of clients) client.stop();
    }
  }, 40_000);

  it("refuses a correctly signed request dated 10 minutes ahead with a 4xx, and answers nothing", async () => {
    const before = slack.calls.length;
    const ts = "1700500000.000001";
    const event = { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> combien de pays ?`, ts, channel: "C0000009", event_ts: ts };
    const result = await postSigned(`${origin}/slack/events`, {
      contentType: "application/json",
      body: eventBody("EvFuture0002", event),
      timestamp: nowSeconds() + 10 * 60,
    });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.calls.length).toBe(before);
  });

  it("answers a signed null body and a signed /ask with its text twice, each within 2 s", async () => {
    const nullStarted = performance.now();
    const nullBody = await postSigned(`${origin}/slack/events`, { contentType: "application/json", body: "null" });
    expect(nullBody.status).toBe(400);
    expect(performance.now() - nullStarted).toBeLessThan(2_000);

    const twiceStarted = performance.now();
    const twice = await postSigned(`${origin}/slack/events`, {
      contentType: "application/x-www-form-urlencoded",
      body: `${slashCommandBody({ text: "combien de pays ?", responseUrl: slack.responseUrl("twice") })}&text=encore`,
    });
    expect(twice.status).toBe(400);
    expect(performance.now() - twiceStarted).toBeLessThan(2_000);
  });

  it("echoes a question full of *, _, links, U+202E and U+200B as plain text, in the answer and in Share in channel", async () => {
    const question = "combien de *pays* _dans_ la ~coalition~ `?` <https://evil.example|ici> \u202Epays\u200B";
    const carried = ["*pays*", "_dans_", "~coalition~", "`?`", "evil.example", "\u202E", "\u200B"];
    const answer = await ask(question, "echo");
    expect(answer.status).toBe(200);
    const message = asMessage(answer.text);
    expect(visibleText(message)).toContain("trentaine de pays");
    expectEchoedAsPlainText(message, carried, "combien de *pays* _dans_ la ~coalition~ `?` ici pays");

    const share = buttons(message).find((button) => button.actionId === "share_answer");
    if (share === undefined) throw new Error("no share button");
    const pressed = await postSigned(`${origin}/slack/events`, {
      contentType: "application/x-www-form-urlencoded",
      body: buttonPressBody({ actionId: share.actionId, value: share.value, isEphemeral: true, userId: "U0000042", responseUrl: slack.responseUrl("echo-share") }),
    });
    expect(pressed.status).toBe(200);
    await slack.waitFor(() => slack.responses("echo-share").length >= 1, "the shared answer");
    const shared = asMessage({ blocks: [], ...slack.responses("echo-share")[0]?.body });
    expect(shared.response_type).toBe("in_channel");
    expectEchoedAsPlainText(shared, carried, "combien de *pays* _dans_ la ~coalition~ `?` ici pays");
  });

  it("makes one attempt, not two, at a chat.postMessage that answers after 12 s", async () => {
    const SLOW_API_MS = 12_000;
    slack.delay("chat.postMessage", SLOW_API_MS);
    try {
      const before = slack.arrivals("chat.postMessage");
      const ts = "1700500001.000001";
      const event = { type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> combien de pays ?`, ts, channel: "C0000010", event_ts: ts };
      const result = await postSigned(`${origin}/slack/events`, { contentType: "application/json", body: eventBody("EvSlowApi0001", event) });
      expect(result.status).toBe(200);
      // Until the slow answer is in, and a little past it: a second attempt would have arrived.
      await slack.waitFor(() => slack.apiCalls("chat.postMessage").some((call) => call.body.thread_ts === ts), "the slow post", SLOW_API_MS + 3_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(slack.arrivals("chat.postMessage") - before).toBe(1);
    } finally {
      slack.delay("chat.postMessage", 0);
    }
  }, 25_000);

  it("on SIGTERM to the npm process alone, stops gracefully within 5 s and leaves no process of its group", async () => {
    const pgid = child.pid;
    if (pgid === undefined) throw new Error("npm has no pid");
    const exited = new Promise<number>((resolve) => child.once("exit", () => {
      resolve(performance.now());
    }));
    const signalled = performance.now();
    process.kill(pgid, "SIGTERM");
    let bot: "stopped" | "still serving" = "still serving";
    while (performance.now() - signalled < 5_000) {
      const up = await fetch(`${origin}/healthz`).then(() => true, () => false);
      if (!up) {
        bot = "stopped";
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(bot).toBe("stopped");
    expect((await exited) - signalled).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 6_000 - (performance.now() - signalled))));
    expect(groupAlive(pgid)).toBe(false);
    expect(server.output()).toMatch(/"msg":"stopped"/);
    expect(server.output()).not.toContain(TEST_BOT_TOKEN);
    expect(server.output()).not.toContain(TEST_SIGNING_SECRET);
    expect(server.output()).not.toContain(METRICS_TOKEN);
  }, 15_000);
});
