// `npm start`: the composition root. Runs every platform whose credentials are set (Slack,
// Discord, or both in one process) and the terminal chat when none is. Platform SDKs are loaded
// only when their platform is configured, so the core and the chat never pull them in.
import { existsSync } from "node:fs";
import { z } from "zod";
import { runChat } from "./cli/chat.js";
import { createAnswerer } from "./core/answerer.js";
import { KnowledgeError } from "./core/errors.js";
import { loadKnowledge } from "./core/knowledge-loader.js";
import { createLogger } from "./logger.js";
import type { AdapterContext, PlatformAdapter } from "./platform.js";

const EnvSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  DISCORD_TOKEN: z.string().optional(),
});

/** How long in-flight answers get to finish on SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 4_000;

const SECRET_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN"] as const;

async function startPlatforms(env: NodeJS.ProcessEnv, context: AdapterContext, config: z.infer<typeof EnvSchema>): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("../adapters/slack/index.js");
    adapters.push(createSlackAdapter(context, { env }));
  }
  if (config.DISCORD_TOKEN) {
    const { createDiscordAdapter } = await import("../adapters/discord/index.js");
    adapters.push(createDiscordAdapter(context, { env }));
  }
  await Promise.all(adapters.map((a) => a.start()));
  return adapters;
}

async function main(): Promise<void> {
  // A .env file beside package.json is read when present; real environment variables win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`Environment variable ${issue.path.join(".")}: ${issue.message}`);
    process.exit(1);
  }
  const config = parsed.data;
  const secrets = SECRET_VARIABLES.flatMap((name) => process.env[name] ?? []);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets });

  let answerer;
  try {
    answerer = createAnswerer(await loadKnowledge(config.KNOWLEDGE_DIR));
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  if (!config.SLACK_BOT_TOKEN && !config.DISCORD_TOKEN) {
    await runChat(answerer);
    return;
  }

  let adapters: PlatformAdapter[];
  try {
    adapters = await startPlatforms(process.env, { answerer, logger }, config);
  } catch (error) {
    // Configuration errors name the variable at fault and never its value: the message is enough.
    const isConfigError = error instanceof Error && "code" in error && String(error.code).endsWith("CONFIG_INVALID");
    if (isConfigError) console.error(error.message);
    else logger.fatal({ err: error }, "could not start");
    logger.flush();
    process.exit(1);
  }
  // Last line of defence, once started (a failure to start must exit 1): a bug in one message must not take every conversation down with it.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection (kept running)");
  });
  process.on("uncaughtException", (err) => {
    logger.error({ err }, "uncaught exception (kept running)");
  });

  logger.info({ platforms: adapters.map((a) => a.platform), facts: answerer.factCount }, "bot started");

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing in-flight answers");
    const timeout = setTimeout(() => {
      logger.warn("in-flight work did not finish in time; exiting");
      process.exit(0);
    }, SHUTDOWN_GRACE_MS);
    timeout.unref();
    void Promise.allSettled(adapters.map((a) => a.stop())).then(() => {
      logger.info("stopped");
      logger.flush();
      process.exit(0);
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

await main();
