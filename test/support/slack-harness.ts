import { Writable } from "node:stream";
import {
  createAnswerer,
  createConversation,
  createLogger,
  createRateLimiter,
  loadKnowledge,
  type Answerer,
  type Conversation,
  type ConversationOptions,
  type Logger,
  type SharedRedis,
} from "../../src/index.js";
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from "../../adapters/slack/index.js";
import { FakeSlackApi } from "./slack-fake-api.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./slack-requests.js";

let answererPromise: Promise<Answerer> | undefined;

/** The real core over the real knowledge packs, loaded once per test file. */
export function realAnswerer(): Promise<Answerer> {
  answererPromise ??= loadKnowledge().then(createAnswerer);
  return answererPromise;
}

/** A limit no test reaches, unless it asks for a small one. */
export const GENEROUS_LIMIT = 100_000;

/** The parts of a conversation a test may choose; the answerer and logger are the harness's own. */
export type ConversationParts = Omit<ConversationOptions, "answerer" | "logger">;

/**
 * A real conversation over the real core, as app/main.ts builds it: by default with a per-user
 * limit no test reaches, and without metrics or a feedback file unless given.
 */
export function realConversation(answerer: Answerer, logger: Logger, parts: ConversationParts = {}): Conversation {
  return createConversation({ answerer, logger, limiter: createRateLimiter({ limit: GENEROUS_LIMIT }), ...parts });
}

/** Collects every log line, so tests can assert that secrets never reach the logs. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    callback();
  }
  get text(): string {
    return this.lines.join("\n");
  }
}

export interface SlackHarness {
  readonly fake: FakeSlackApi;
  readonly adapter: SlackAdapter;
  readonly answerer: Answerer;
  readonly conversation: Conversation;
  readonly logs: LogCapture;
  /** http://127.0.0.1:PORT/slack/events */
  readonly eventsUrl: string;
  readonly origin: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly customRoutes?: SlackAdapterOptions["customRoutes"];
  /** Prepares the fake before the adapter starts (Socket Mode needs its WebSocket URL). */
  readonly prepare?: (fake: FakeSlackApi) => void | Promise<void>;
  /** The conversation's limiter, metrics and feedback store (default: a limit no test reaches). */
  readonly conversation?: ConversationParts;
  /** The log level (default debug); the fuzz run keeps it quieter. */
  readonly logLevel?: "debug" | "info" | "warn";
  /** Wraps the real core, e.g. in a recording decorator; it still answers every question. */
  readonly wrapAnswerer?: (real: Answerer) => Answerer;
  /** A fake Slack shared with other harnesses (several instances of one app): started and stopped by the caller. */
  readonly fake?: FakeSlackApi;
  /** The Redis this instance shares with others, as app/main.ts hands it to the adapter. */
  readonly redis?: SharedRedis;
}

/** A fake Slack Web API plus the real adapter in HTTP mode on 127.0.0.1 and a free port. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const sharedFake = options.fake;
  const fake = sharedFake ?? new FakeSlackApi();
  if (sharedFake === undefined) await fake.start();
  await options.prepare?.(fake);
  const real = await realAnswerer();
  const answerer = options.wrapAnswerer?.(real) ?? real;
  const logs = new LogCapture();
  const logger = createLogger({ level: options.logLevel ?? "debug", pretty: false, destination: logs });
  const conversation = realConversation(answerer, logger, options.conversation);
  const adapter = createSlackAdapter(
    { conversation, logger, ...(options.redis === undefined ? {} : { redis: options.redis }) },
    {
      env: {
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        ...options.env,
      },
      host: "127.0.0.1",
      ...(options.customRoutes === undefined ? {} : { customRoutes: options.customRoutes }),
    },
  );
  await adapter.start();
  const origin = `http://127.0.0.1:${adapter.port() ?? 0}`;
  return {
    fake,
    adapter,
    answerer,
    conversation,
    logs,
    origin,
    eventsUrl: `${origin}/slack/events`,
    async close() {
      await adapter.stop();
      if (sharedFake === undefined) await fake.stop();
    },
  };
}
