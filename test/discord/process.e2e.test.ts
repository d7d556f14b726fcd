// `npm start` with DISCORD_TOKEN set, as a real process: it connects through the composition root,
// answers, and on SIGTERM closes the gateway cleanly and exits 0 within 5 seconds.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeDiscord } from "../support/discord-fake.js";
import { askPayload } from "../support/discord-payloads.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("npm start with Discord configured", () => {
  let fake: FakeDiscord;
  let dataDir: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    dataDir = await mkdtemp(path.join(tmpdir(), "discord-process-"));
  });
  afterAll(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers, then exits 0 within 5 s of SIGTERM after closing the gateway", async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "warn", DATA_DIR: dataDir, PORT: "0", ...fake.env() };
    const child = spawn(process.execPath, ["--import", "tsx", "app/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    try {
      const deadline = Date.now() + 15_000;
      while (fake.liveSessions === 0 || fake.requests.length === 0) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not connect: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const interaction = askPayload("Who launched the coalition?");
      fake.dispatch("INTERACTION_CREATE", interaction);
      const body = z
        .object({ data: z.object({ embeds: z.array(z.object({ description: z.string() })) }) })
        .parse((await fake.waitForCallback(interaction.id)).body);
      expect(body.data.embeds[0]?.description).toMatch(/France/);

      const started = Date.now();
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(fake.closeCodes).toContain(1000);
      expect(stderr).not.toContain(fake.env().DISCORD_TOKEN);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
});
