// `npm start` with Slack (HTTP mode) and Discord configured together, as one real process: both
// platforms answer, /healthz and /metrics are served on Slack's port, and on SIGTERM the process
// stops both, writes the feedback file and exits 0 within 5 seconds.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readFeedback } from "../../src/ops/feedback-store.js";
import { FakeDiscord } from "../support/discord-fake.js";
import { BOT_USER, messagePayload } from "../support/discord-payloads.js";
import { freePort } from "../support/free-port.js";
import { asMessage, visibleText } from "../support/slack-blocks.js";
import { FakeSlackApi } from "../support/slack-fake-api.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET, postSigned, slashCommandBody } from "../support/slack-requests.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OFF_TOPIC = "combien coûte la mission ?";

const HealthSchema = z.object({ status: z.string(), platforms: z.record(z.string(), z.string()) });
const ReplySchema = z.object({ embeds: z.array(z.object({ description: z.string() })) });

describe("npm start with Slack and Discord configured in one process", () => {
  let slack: FakeSlackApi;
  let discord: FakeDiscord;
  let dataDir: string;

  beforeAll(async () => {
    slack = new FakeSlackApi();
    await slack.start();
    discord = await FakeDiscord.start();
    dataDir = await mkdtemp(path.join(tmpdir(), "both-platforms-process-"));
  });
  afterAll(async () => {
    await slack.stop();
    await discord.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers on both, serves /healthz and /metrics, then on SIGTERM exits 0 within 5 s with the feedback written", async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      RECORD_QUESTIONS: "true",
      PORT: String(port),
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      // Set, so a developer's .env cannot switch Slack to Socket Mode or Discord to shards here.
      SLACK_APP_TOKEN: "",
      DISCORD_SHARDS: "",
      ...discord.env(),
    };
    const child = spawn(process.execPath, ["--import", "tsx", "app/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const origin = `http://127.0.0.1:${port}`;
    try {
      // Started once /healthz says every configured platform is connected.
      const deadline = Date.now() + 15_000;
      let health: Response | undefined;
      while (health?.status !== 200) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the bot did not start: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        health = await fetch(`${origin}/healthz`).catch(() => undefined);
      }
      expect(HealthSchema.parse(await health.json())).toMatchObject({
        status: "ok",
        platforms: { slack: "connected", discord: "connected" },
      });

      // Slack: a signed /ask over HTTP, answered in the acknowledgement.
      const ask = async (text: string, responseId: string): Promise<string> => {
        const result = await postSigned(`${origin}/slack/events`, {
          contentType: "application/x-www-form-urlencoded",
          body: slashCommandBody({ text, responseUrl: slack.responseUrl(responseId) }),
        });
        expect(result.status).toBe(200);
        return visibleText(asMessage(result.text));
      };
      expect(await ask("combien de pays ?", "process-1")).toContain("une trentaine de pays alliés de Kiev");

      // Discord: a mention answered as a reply.
      const mention = messagePayload({ content: `<@${BOT_USER.id}> Who launched the coalition?`, mentions: [BOT_USER] });
      discord.dispatch("MESSAGE_CREATE", mention);
      const reply = ReplySchema.parse((await discord.waitForReplyTo(mention.id)).body);
      expect(reply.embeds[0]?.description).toMatch(/France/);

      const metrics = await (await fetch(`${origin}/metrics`)).text();
      expect(metrics).toContain('questions_total{platform="slack",status="answered"} 1');
      expect(metrics).toContain('questions_total{platform="discord",status="answered"} 1');

      // A refused question, then SIGTERM at once: its record must be written before the exit.
      expect(await ask(OFF_TOPIC, "process-2")).toContain("L’article ne dit rien là-dessus");
      const stopping = Date.now();
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(5_000);
      expect(discord.closeCodes).toContain(1000);

      const warnings: string[] = [];
      const records = await readFeedback(dataDir, { logger: { warn: (_details: unknown, message: string) => warnings.push(message) } });
      expect(records).toContainEqual(expect.objectContaining({ platform: "slack", status: "unknown", vote: null, question: OFF_TOPIC }));
      expect(warnings).toEqual([]);
      expect(output).not.toContain(TEST_BOT_TOKEN);
      expect(output).not.toContain(TEST_SIGNING_SECRET);
      expect(output).not.toContain(discord.env().DISCORD_TOKEN);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 40_000);
});
