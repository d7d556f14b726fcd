// Starts the real adapter (real core, real discord.js) against a FakeDiscord, capturing logs.
import { Writable } from "node:stream";
import { createDiscordAdapter } from "../../adapters/discord/index.js";
import { createAnswerer, createLogger, loadKnowledge, type Answerer, type PlatformAdapter } from "../../src/index.js";
import { FAKE_TOKEN, type FakeDiscord } from "./discord-fake.js";

let answererPromise: Promise<Answerer> | undefined;

/** The real core over the repository's knowledge, loaded once per test file. */
export function realAnswerer(): Promise<Answerer> {
  answererPromise ??= loadKnowledge().then(createAnswerer);
  return answererPromise;
}

export interface RunningBot {
  readonly adapter: PlatformAdapter;
  readonly answerer: Answerer;
  /** Every log line, parsed. */
  readonly logs: Record<string, unknown>[];
  readonly rawLogs: string[];
}

export async function startBot(fake: FakeDiscord, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningBot> {
  const answerer = await realAnswerer();
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        rawLogs.push(line);
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = createLogger({ level: "debug", pretty: false, destination, secrets: [FAKE_TOKEN] });
  const adapter = createDiscordAdapter({ answerer, logger }, { env: fake.env(extraEnv), shardSpawnDelayMs: 200 });
  await adapter.start();
  return { adapter, answerer, logs, rawLogs };
}
