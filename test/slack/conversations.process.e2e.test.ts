// Black box: `npm start` in Slack's HTTP mode as a real process against the fake Slack Web API, driven
// only with signed HTTP requests. A thread follow-up by mention and a DM follow-up are answered in
// context (exactly what the core answers when handed the earlier turns it gave), a full new
// question in that thread on its own, and the manifest's message shortcut privately within 3 s.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Answerer } from "../../src/index.js";
import { killBotProcess, spawnBotProcess, waitUntilHealthy, type BotProcess } from "../support/bot-process.js";
import { turnsOf } from "../support/recording-answerer.js";
import { asMessage, buttons, visibleText, type PostedMessage } from "../support/slack-blocks.js";
import { FAKE_BOT_USER_ID, FakeSlackApi } from "../support/slack-fake-api.js";
import { realAnswerer } from "../support/slack-harness.js";
import { readManifest } from "../support/slack-manifest.js";
import { eventBody, messageShortcutBody, postSigned, TEST_BOT_TOKEN } from "../support/slack-requests.js";

/** Slack wants every request acknowledged within 3 seconds. */
const SLACK_ACK_MS = 3_000;
const START_TIMEOUT_MS = 20_000;

describe("npm start (Slack HTTP mode) holds conversations", () => {
  let slack: FakeSlackApi;
  let dataDir: string;
  let bot: BotProcess;
  let origin = "";
  let answerer: Answerer;
  let sequence = 0;

  const nextTs = (): string => `1700002000.${String((sequence += 1)).padStart(6, "0")}`;

  async function send(event: Record<string, unknown>): Promise<void> {
    const result = await postSigned(`${origin}/slack/events`, { contentType: "application/json", body: eventBody(`EvProc${nextTs()}`, event) });
    expect(result.status).toBe(200);
  }

  function posts(channel: string, threadTs?: string): PostedMessage[] {
    return slack
      .apiCalls("chat.postMessage")
      .map((call) => asMessage(call.body))
      .filter((message) => message.channel === channel && message.thread_ts === threadTs);
  }

  /** What the core answers `question` with when handed the turns it gave to the earlier ones. */
  function inContext(question: string, earlier: readonly Answer[]): Answer {
    return answerer.answer(question, { context: turnsOf(earlier) });
  }

  beforeAll(async () => {
    answerer = await realAnswerer();
    slack = new FakeSlackApi();
    await slack.start();
    dataDir = await mkdtemp(path.join(tmpdir(), "slack-conversations-process-"));
    bot = await spawnBotProcess({ slackApiUrl: slack.apiUrl, env: { LOG_LEVEL: "warn", DATA_DIR: dataDir } });
    origin = bot.origin;
    await waitUntilHealthy(bot, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 5_000);

  afterAll(async () => {
    killBotProcess(bot);
    await slack.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers a thread follow-up by mention in context, then a full new question in that thread on its own", async () => {
    const first = { question: "what did the British defence minister say?", ts: nextTs() };
    await send({ type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> ${first.question}`, ts: first.ts, channel: "C0000001", event_ts: "1" });
    await slack.waitFor(() => posts("C0000001", first.ts).length === 1, "the first answer", 5_000);
    const firstAnswer = answerer.answer(first.question);
    expect(visibleText(posts("C0000001", first.ts)[0] ?? { blocks: [] })).toContain(firstAnswer.answer);

    const followUp = "and the Finnish one?";
    await send({ type: "app_mention", user: "U0000002", text: `<@${FAKE_BOT_USER_ID}> ${followUp}`, ts: nextTs(), thread_ts: first.ts, channel: "C0000001", event_ts: "2" });
    await slack.waitFor(() => posts("C0000001", first.ts).length === 2, "the follow-up's answer", 5_000);
    const followUpAnswer = inContext(followUp, [firstAnswer]);
    expect(visibleText(posts("C0000001", first.ts)[1] ?? { blocks: [] })).toContain(followUpAnswer.answer);

    const newQuestion = "combien de pays dans la coalition ?";
    await send({ type: "app_mention", user: "U0000001", text: `<@${FAKE_BOT_USER_ID}> ${newQuestion}`, ts: nextTs(), thread_ts: first.ts, channel: "C0000001", event_ts: "3" });
    await slack.waitFor(() => posts("C0000001", first.ts).length === 3, "the new question's answer", 5_000);
    const standalone = answerer.answer(newQuestion);
    expect(standalone.status).toBe("answered");
    expect(inContext(newQuestion, [firstAnswer, followUpAnswer]).factId).toBe(standalone.factId);
    expect(visibleText(posts("C0000001", first.ts)[2] ?? { blocks: [] })).toContain(standalone.answer);
  });

  it("answers a DM follow-up in context", async () => {
    const dm = (text: string) => ({ type: "message", channel_type: "im", user: "U0000003", text, ts: nextTs(), channel: "D0000042", event_ts: "4" });
    const first = "how many troops?";
    await send(dm(first));
    await slack.waitFor(() => posts("D0000042").length === 1, "the first DM answer", 5_000);
    const followUp = "since when?";
    await send(dm(followUp));
    await slack.waitFor(() => posts("D0000042").length === 2, "the DM follow-up's answer", 5_000);
    const expected = inContext(followUp, [answerer.answer(first)]);
    expect(visibleText(posts("D0000042")[1] ?? { blocks: [] })).toContain(expected.answer);
  });

  it("answers the manifest's message shortcut privately, within 3 s", async () => {
    const { manifest } = await readManifest();
    const callbackId = manifest.features.shortcuts.find((shortcut) => shortcut.type === "message")?.callback_id ?? "?";
    const responseId = "process-shortcut";
    const started = performance.now();
    const result = await postSigned(`${origin}/slack/events`, {
      contentType: "application/x-www-form-urlencoded",
      body: messageShortcutBody({ callbackId, text: "Who launched the coalition?", responseUrl: slack.responseUrl(responseId) }),
    });
    expect(result.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(SLACK_ACK_MS);
    await slack.waitFor(() => slack.responses(responseId).length === 1, "the private answer", SLACK_ACK_MS);
    expect(performance.now() - started).toBeLessThan(SLACK_ACK_MS);
    const answer = asMessage(slack.responses(responseId)[0]?.body);
    expect(answer.response_type).toBe("ephemeral");
    expect(visibleText(answer)).toContain(answerer.answer("Who launched the coalition?").answer);
    expect(buttons(answer)[0]?.actionId).toBe("share_answer");
    expect(bot.output()).not.toContain(TEST_BOT_TOKEN);
  });
});
