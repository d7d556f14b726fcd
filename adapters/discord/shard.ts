// The entry of one shard process under the ShardingManager (see sharding.ts). discord.js reads
// SHARDS and SHARD_COUNT from the environment the manager set, so this is an ordinary client.
// Each shard process builds its own conversation: its rate limiter and metrics are its own (a user
// is limited per shard, which is per server, and these metrics are not served by the manager's
// /metrics); the feedback file under DATA_DIR is shared, one whole line per append.
import { createAnswerer, createConversationFromConfig, createLogger, loadKnowledge } from "../../src/index.js";
import { readOpsConfig } from "../../src/ops/config.js";
import { createDiscordBot } from "./client.js";
import { loadDiscordConfig } from "./config.js";

const config = loadDiscordConfig(process.env);
const ops = readOpsConfig(process.env);
const logger = createLogger({ level: ops.logLevel, secrets: [config.token] }).child({
  shards: process.env.SHARDS,
});
const answerer = createAnswerer(await loadKnowledge(process.env.KNOWLEDGE_DIR));
const { conversation } = createConversationFromConfig(answerer, logger, ops);
const bot = createDiscordBot(config, { answerer, conversation, logger });

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "discord: shard stopping");
  bot.stop().then(
    // Feedback records of the last answers are written before the process goes.
    () => conversation.flush().then(() => process.exit(0)),
    (error: unknown) => {
      logger.error({ err: error }, "discord: shard did not stop cleanly");
      process.exit(1);
    },
  );
}
process.once("SIGTERM", shutdown);
// Ctrl-C reaches the whole process group. The manager owns shutdown (it stops respawning, then
// sends SIGTERM); a shard that exited on its own SIGINT first would be respawned.
process.on("SIGINT", () => {
  if (process.send === undefined) shutdown("SIGINT");
});
// The manager is gone (crashed or killed): nobody will stop this shard, so stop now.
process.once("disconnect", () => {
  shutdown("SIGTERM");
});

try {
  await bot.login();
} catch (error) {
  logger.fatal({ err: error }, "discord: shard could not connect");
  process.exit(1);
}
