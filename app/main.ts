// `npm start`: the composition root. Runs every platform whose credentials are set (Slack,
// Discord, or both in one process) and the terminal chat when none is. Platform SDKs are loaded
// only when their platform is configured, so the core and the chat never pull them in.
import { z } from "zod";
import { runChat } from "../src/cli/chat.js";
import { createConversationFromConfig, type Conversation } from "../src/conversation.js";
import { createAnswerer } from "../src/core/answerer.js";
import type { Answerer } from "../src/core/answerer-types.js";
import { KnowledgeError } from "../src/core/errors.js";
import { loadKnowledge } from "../src/core/knowledge-loader.js";
import { loadDotEnv } from "../src/env-file.js";
import { createLogger, type Logger } from "../src/logger.js";
import { readOpsConfig, type OpsConfig } from "../src/ops/config.js";
import { checkHealth } from "../src/ops/health.js";
import {
  ALL_OPERATOR_ENDPOINTS,
  operatorRoutes,
  startOperatorServer,
  type OperatorEndpoint,
  type OperatorServer,
} from "../src/ops/operator-server.js";
import { readRedisConfig, type RedisConfig } from "../src/ops/redis-config.js";
import type { SharedRedis } from "../src/ops/redis.js";
import type { PlatformAdapter } from "../src/platform.js";

const EnvSchema = z.object({
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().trim().optional(),
  SLACK_APP_TOKEN: z.string().trim().optional(),
  DISCORD_TOKEN: z.string().trim().optional(),
});
type Env = z.infer<typeof EnvSchema>;

/**
 * How long in-flight answers get to finish on SIGTERM/SIGINT before the process exits anyway: the
 * adapters' stop() take at most 3 s, then the feedback file is flushed; all within Kubernetes'
 * and systemd's usual 5 s.
 */
const SHUTDOWN_GRACE_MS = 4_500;

const SECRET_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN", "METRICS_TOKEN"] as const;

/** Errors whose message is the whole story (a variable to fix): printed without a stack. */
function isConfigError(error: unknown): error is Error {
  return error instanceof Error && "code" in error && String(error.code).endsWith("CONFIG_INVALID");
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

interface Running {
  readonly adapters: readonly PlatformAdapter[];
  readonly conversation: Conversation;
  /** The servers of the operator endpoints not carried by Slack's HTTP server (see startPlatforms). */
  readonly operatorServers: readonly OperatorServer[];
  readonly redis: SharedRedis | undefined;
}

/**
 * Creates the configured adapters, mounts /healthz and /metrics (on Slack's HTTP port when Slack
 * runs in HTTP mode, else on a server of their own on PORT; /metrics on METRICS_PORT instead when
 * set), then connects every platform.
 */
async function startPlatforms(
  env: Env,
  ops: OpsConfig,
  redisConfig: RedisConfig | undefined,
  answerer: Answerer,
  logger: Logger,
): Promise<Running> {
  const { conversation, metrics, feedback, redis } = createConversationFromConfig(answerer, logger, { ...ops, redis: redisConfig });
  // An unwritable DATA_DIR shows in /healthz and the counter from the start, not at the first question.
  await feedback.check();
  const context = { conversation, logger, ...(redis === undefined ? {} : { redis }) };
  const adapters: PlatformAdapter[] = [];
  const health = (): ReturnType<typeof checkHealth> =>
    checkHealth({ knowledgeFacts: answerer.factCount, platforms: adapters, feedback: feedback.health(), redis });
  const endpoints = { health, metrics, logger, metricsToken: ops.metricsToken };
  const onPort: readonly OperatorEndpoint[] = ops.metricsPort === undefined ? ALL_OPERATOR_ENDPOINTS : ["health"];
  const slackHttp = Boolean(env.SLACK_BOT_TOKEN) && !env.SLACK_APP_TOKEN;

  if (env.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("../adapters/slack/index.js");
    const customRoutes = operatorRoutes(endpoints, onPort);
    adapters.push(createSlackAdapter(context, { env: process.env, ...(slackHttp ? { customRoutes } : {}) }));
  }
  if (env.DISCORD_TOKEN) {
    const { createDiscordAdapter } = await import("../adapters/discord/index.js");
    adapters.push(createDiscordAdapter(context, { env: process.env }));
  }
  // Shard processes count their own questions: one scrape of this process's /metrics sees them all.
  for (const adapter of adapters) {
    const collect = adapter.collectMetrics?.bind(adapter);
    if (collect !== undefined) metrics.addSource(collect);
  }
  const operatorServers: OperatorServer[] = [];
  const closeOperatorServers = (): Promise<unknown> => Promise.allSettled(operatorServers.map((server) => server.close()));
  try {
    if (!slackHttp) operatorServers.push(await startOperatorServer({ ...endpoints, port: ops.port, endpoints: onPort }));
    if (ops.metricsPort !== undefined) {
      operatorServers.push(await startOperatorServer({ ...endpoints, port: ops.metricsPort, endpoints: ["metrics"] }));
    }
    await Promise.all(adapters.map((a) => a.start()));
  } catch (error) {
    await closeOperatorServers();
    await redis?.close();
    throw error;
  }
  return { adapters, conversation, operatorServers, redis };
}

async function main(): Promise<void> {
  loadDotEnv();
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `Environment variable ${i.path.join(".")}: ${i.message}`).join("\n"));
  const env = parsed.data;
  let ops: OpsConfig;
  let redisConfig: RedisConfig | undefined;
  try {
    ops = readOpsConfig(process.env);
    redisConfig = readRedisConfig(process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  // A Redis password is scrubbed like a token wherever it might show up (URLs with credentials
  // are also redacted by shape, whatever the password's length).
  const secrets = [...SECRET_VARIABLES.flatMap((name) => process.env[name] ?? []), ...(redisConfig?.password ? [redisConfig.password] : [])];
  const logger = createLogger({ level: ops.logLevel, secrets });

  let answerer: Answerer;
  try {
    answerer = createAnswerer(await loadKnowledge(env.KNOWLEDGE_DIR));
  } catch (error) {
    if (error instanceof KnowledgeError) fail(error.message);
    throw error;
  }

  if (!env.SLACK_BOT_TOKEN && !env.DISCORD_TOKEN) {
    await runChat(answerer);
    return;
  }

  // Signals are handled from here on: one during start-up (nothing in flight yet) exits at once.
  let running: Running | undefined;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing in-flight answers");
    const current = running;
    if (!current) {
      logger.flush();
      process.exit(0);
    }
    const timeout = setTimeout(() => {
      logger.warn("in-flight work did not finish in time; exiting");
      logger.flush();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS);
    timeout.unref();
    void Promise.allSettled([...current.adapters.map((a) => a.stop()), ...current.operatorServers.map((server) => server.close())])
      .then(() => current.conversation.flush())
      .then(() => current.redis?.close())
      .then(() => {
        logger.info("stopped");
        logger.flush();
        process.exit(0);
      });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  try {
    running = await startPlatforms(env, ops, redisConfig, answerer, logger);
  } catch (error) {
    if (isConfigError(error)) fail(error.message);
    logger.fatal({ err: error }, "could not start");
    logger.flush();
    process.exit(1);
  }
  // Last line of defence, once started (a failure to start must exit 1): a bug in one message
  // must not take every conversation down with it.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection (kept running)");
  });
  process.on("uncaughtException", (err) => {
    logger.error({ err }, "uncaught exception (kept running)");
  });
  logger.info({ platforms: running.adapters.map((a) => a.platform), facts: answerer.factCount, operatorPorts: running.operatorServers.map((server) => server.port) }, "bot started");
}

await main();
