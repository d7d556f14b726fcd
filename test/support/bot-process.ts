import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./slack-requests.js";

/** The repository, where `npm start` runs. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** `npm start` in Slack's HTTP mode, a real process on a free port of 127.0.0.1. */
export interface BotProcess {
  readonly child: ChildProcess;
  readonly origin: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

export interface BotProcessOptions {
  /** The fake Slack Web API it talks to. */
  readonly slackApiUrl: string;
  /** Its own variables (DATA_DIR, LOG_LEVEL…), beside the Slack ones every such test sets. */
  readonly env: Readonly<Record<string, string>>;
  /** After `npm start`: `--silent`, or nothing to keep npm's own lines. */
  readonly npmArgs?: readonly string[];
}

/**
 * Starts `npm start` in a process group of its own, so the whole tree (npm, node) can be
 * signalled or stopped together, with only PATH and HOME from this environment: a developer's
 * .env cannot switch it to Socket Mode or start Discord (both are set, empty).
 */
export async function spawnBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn("npm", ["start", ...(options.npmArgs ?? ["--silent"])], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      SLACK_APP_TOKEN: "",
      DISCORD_TOKEN: "",
      ...options.env,
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output };
}

/** Polls GET /healthz until `ready` says so; fails with the bot's output if it exits or the time runs out. */
export async function waitUntilHealthy(bot: BotProcess, timeoutMs: number, ready: (response: Response) => boolean | Promise<boolean> = (r) => r.status === 200, name = "the bot"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline || bot.child.exitCode !== null) throw new Error(`${name} did not start: ${bot.output()}`);
    const response = await fetch(`${bot.origin}/healthz`).catch(() => undefined);
    if (response !== undefined && (await ready(response))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGKILL to the whole process group, if anything of it is left. */
export function killBotProcess(bot: BotProcess): void {
  const pid = bot.child.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Nothing of the group is left.
  }
}
