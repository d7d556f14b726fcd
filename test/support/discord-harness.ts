// Starts the real adapter (real core, real discord.js) against a FakeDiscord, capturing logs.
import { Writable } from "node:stream";
import { createDiscordAdapter } from "../../adapters/discord/index.js";
import {
  createAnswerer,
  createConversation,
  createFeedbackStore,
  createLogger,
  createMetrics,
  createRateLimiter,
  loadKnowledge,
  type Answerer,
  type Conversation,
  type ConversationMemory,
  type FeedbackStore,
  type Logger,
  type PlatformAdapter,
} from "../../src/index.js";
import type { OpsMetrics } from "../../src/ops/metrics.js";
import type { RateLimiter } from "../../src/ops/rate-limiter.js";
import { FAKE_TOKEN, type FakeDiscord } from "./discord-fake.js";

let answererPromise: Promise<Answerer> | undefined;

/** The real core over the repository's knowledge, loaded once per test file. */
export function realAnswerer(): Promise<Answerer> {
  answererPromise ??= loadKnowledge().then(createAnswerer);
  return answererPromise;
}

/** A limit no test reaches unless it asks for a lower one. */
export const HIGH_RATE_LIMIT = 100_000;

export interface BotOptions {
  /** The per-user limiter (default: HIGH_RATE_LIMIT questions a minute). */
  readonly limiter?: RateLimiter;
  /** Where refused questions and votes are appended; none recorded when unset. */
  readonly dataDir?: string;
  readonly recordQuestions?: boolean;
  /** Wraps the real core, e.g. in a recording decorator; it still answers every question. */
  readonly wrapAnswerer?: (real: Answerer) => Answerer;
  /** Where conversations keep their turns (default: a fresh in-memory store). */
  readonly memory?: ConversationMemory;
  /** Wraps the feedback store, e.g. to see when a vote is written. */
  readonly wrapFeedback?: (real: FeedbackStore) => FeedbackStore;
}

export interface RunningBot {
  readonly adapter: PlatformAdapter;
  readonly answerer: Answerer;
  readonly conversation: Conversation;
  readonly metrics: OpsMetrics;
  /** Every log line, parsed. */
  readonly logs: Record<string, unknown>[];
  readonly rawLogs: string[];
}

function feedbackStore(options: BotOptions, dataDir: string, logger: Logger): FeedbackStore {
  const store = createFeedbackStore({ dataDir, recordQuestions: options.recordQuestions ?? true, logger });
  return options.wrapFeedback?.(store) ?? store;
}

export async function startBot(fake: FakeDiscord, extraEnv: NodeJS.ProcessEnv = {}, options: BotOptions = {}): Promise<RunningBot> {
  const real = await realAnswerer();
  const answerer = options.wrapAnswerer?.(real) ?? real;
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
  const metrics = createMetrics({ processMetrics: false });
  const conversation = createConversation({
    answerer,
    logger,
    metrics,
    limiter: options.limiter ?? createRateLimiter({ limit: HIGH_RATE_LIMIT }),
    ...(options.dataDir === undefined ? {} : { feedback: feedbackStore(options, options.dataDir, logger) }),
    ...(options.memory === undefined ? {} : { memory: options.memory }),
  });
  const adapter = createDiscordAdapter({ conversation, logger }, { env: fake.env(extraEnv), shardSpawnDelayMs: 200 });
  await adapter.start();
  return { adapter, answerer, conversation, metrics, logs, rawLogs };
}
