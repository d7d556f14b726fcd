// The entry of one shard process under the ShardingManager (see sharding.ts). discord.js reads
// SHARDS and SHARD_COUNT from the environment the manager set, so this is an ordinary client.
// Each shard process builds its own conversation: with REDIS_URL set its rate limit and
// conversation context are in the Redis every shard shares, else its own (a user is then limited
// per shard, which is per server). Its metrics are its own, sent to the manager on request so the
// manager's /metrics serves them; the feedback file under DATA_DIR is shared, one whole line per append.
import {
  createAnswerer,
  createConversationFromConfig,
  createLogger,
  loadKnowledge,
  readOpsConfig,
  readRedisConfig,
} from "../../src/index.js";
import { createDiscordBot } from "./client.js";
import { loadDiscordConfig } from "./config.js";
import { metricsReply, ShardMetricsRequestSchema } from "./shard-metrics.js";
import { SHARD_STOP_MS } from "./sharding.js";

const config = loadDiscordConfig(process.env);
const ops = readOpsConfig(process.env);
const redisConfig = readRedisConfig(process.env);
const logger = createLogger({ level: ops.logLevel, secrets: [config.token, ...(redisConfig?.password ? [redisConfig.password] : [])] }).child({
  shards: process.env.SHARDS,
});
const answerer = createAnswerer(await loadKnowledge(process.env.KNOWLEDGE_DIR));
const { conversation, metrics, redis } = createConversationFromConfig(answerer, logger, { ...ops, redis: redisConfig });

process.on("message", (message: unknown) => {
  const request = ShardMetricsRequestSchema.safeParse(message);
  if (!request.success) return; // discord.js's own messages, handled by its ShardClientUtil
  metrics.snapshot().then(
    (snapshot) => process.send?.(metricsReply(request.data.requestId, snapshot)),
    (error: unknown) => {
      logger.warn({ err: error }, "discord: could not collect this shard's metrics");
    },
  );
});
// The manager SIGKILLs a shard that has not exited SHARD_KILL_GRACE_MS after its SIGTERM; the
// client's stop (1 s drain + 1 s close) and the feedback flush fit in SHARD_STOP_MS, well before.
const bot = createDiscordBot(config, { conversation, logger }, { drainMs: 1_000, destroyMs: 1_000 });

function exit(code: number): never {
  logger.flush();
  process.exit(code);
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "discord: shard stopping");
  // Whatever hangs (a feedback write on a stuck disk), the shard is gone within its budget.
  setTimeout(() => {
    logger.warn("discord: shard did not stop in time; exiting");
    exit(0);
  }, SHARD_STOP_MS).unref();
  let code = 0;
  try {
    await bot.stop();
  } catch (error) {
    logger.error({ err: error }, "discord: shard did not stop cleanly");
    code = 1;
  }
  // Feedback records of the last answers are written before the process goes; a failure to write
  // them is logged (the answers were given), and the shard still exits cleanly.
  try {
    await conversation.flush();
  } catch (error) {
    logger.error({ err: error }, "discord: could not write the last feedback records");
  }
  await redis?.close();
  exit(code);
}
process.once("SIGTERM", (signal) => void shutdown(signal));
// Ctrl-C reaches the whole process group. The manager owns shutdown (it stops respawning, then
// sends SIGTERM); a shard that exited on its own SIGINT first would be respawned.
process.on("SIGINT", () => {
  if (process.send === undefined) void shutdown("SIGINT");
});
// The manager is gone (crashed or killed): nobody will stop this shard, so stop now.
process.once("disconnect", () => {
  void shutdown("SIGTERM");
});

try {
  await bot.login();
} catch (error) {
  logger.fatal({ err: error }, "discord: shard could not connect");
  exit(1);
}
// Last line of defence once connected, as in app/main.ts (a failure to connect must exit 1, and the
// manager respawns it): a bug in one message must not take the shard's servers down with it.
process.on("unhandledRejection", (reason) => {
  logger.error({ err: reason }, "discord: unhandled rejection in a shard (kept running)");
});
process.on("uncaughtException", (error) => {
  logger.error({ err: error }, "discord: uncaught exception in a shard (kept running)");
});
