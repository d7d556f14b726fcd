import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ShardingManager, type Shard } from "discord.js";
import type { Logger, MetricsSnapshot } from "../../src/index.js";
import type { DiscordConfig } from "./config.js";
import { metricsRequest, SHARD_METRICS_TIMEOUT_MS, ShardMetricsReplySchema } from "./shard-metrics.js";

/** The entry each shard process runs; tsx's loader lets it be TypeScript. */
export const SHARD_ENTRY = fileURLToPath(new URL("./shard.ts", import.meta.url));

/** Discord allows one IDENTIFY per 5 s per bucket; discord.js's default spacing between shards. */
export const DEFAULT_SHARD_SPAWN_DELAY_MS = 5_500;
const SPAWN_TIMEOUT_MS = 60_000;
/**
 * A shard's own stop and feedback flush, from its SIGTERM (see shard.ts), and how long the manager
 * waits for it before SIGKILL: longer than the shard's stop, so a healthy shard is never killed
 * mid-flush, yet the whole sharded stop stays within 4 s (app/main.ts exits 4.5 s after SIGTERM).
 */
export const SHARD_STOP_MS = 2_500;
export const SHARD_KILL_GRACE_MS = 3_500;

export interface ShardedBot {
  start(): Promise<void>;
  stop(): Promise<void>;
  isConnected(): boolean;
  /** Every live shard process's metrics; a shard that does not answer in time is left out. Never rejects. */
  collectMetrics(): Promise<readonly MetricsSnapshot[]>;
}

/** Asks one shard process for its metrics; undefined when it is gone, silent, or answers nonsense. */
function shardMetrics(shard: Shard, logger: Logger): Promise<MetricsSnapshot | undefined> {
  if (shard.process === null) return Promise.resolve(undefined);
  const requestId = randomUUID();
  return new Promise((resolve) => {
    const finish = (snapshot: MetricsSnapshot | undefined): void => {
      clearTimeout(timer);
      shard.off("message", onMessage);
      resolve(snapshot);
    };
    const onMessage = (message: unknown): void => {
      if (typeof message !== "object" || message === null || !("requestId" in message) || message.requestId !== requestId) return;
      const reply = ShardMetricsReplySchema.safeParse(message);
      if (!reply.success) logger.warn({ shardId: shard.id, issues: reply.error.issues.length }, "discord: a shard's metrics do not fit the schema; left out");
      finish(reply.success ? reply.data.metrics : undefined);
    };
    const timer = setTimeout(() => {
      logger.warn({ shardId: shard.id }, "discord: a shard did not send its metrics in time; left out of this scrape");
      finish(undefined);
    }, SHARD_METRICS_TIMEOUT_MS);
    shard.on("message", onMessage);
    shard.send(metricsRequest(requestId)).catch(() => {
      finish(undefined);
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Many shards in one machine: discord.js's ShardingManager forks one process per shard, each
 * running shard.ts with its own client and its own copy of the (small, read-only) knowledge.
 */
export function createShardedBot(
  config: DiscordConfig,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  spawnDelayMs: number = DEFAULT_SHARD_SPAWN_DELAY_MS,
): ShardedBot {
  const manager = new ShardingManager(SHARD_ENTRY, {
    token: config.token,
    totalShards: config.shards,
    mode: "process",
    respawn: true,
    execArgv: ["--import", "tsx"],
  });
  const ready = new Set<number>();

  manager.on("shardCreate", (shard: Shard) => {
    // Children inherit process.env; the adapter may have been handed another environment.
    if (typeof shard.env === "object" && shard.env !== null) {
      const managed = { ...(shard.env as Record<string, unknown>) };
      Object.assign(shard.env, env, {
        SHARDING_MANAGER: managed.SHARDING_MANAGER,
        SHARDS: managed.SHARDS,
        SHARD_COUNT: managed.SHARD_COUNT,
      });
    }
    shard.on("ready", () => {
      ready.add(shard.id);
      logger.info({ shardId: shard.id }, "discord: shard ready");
    });
    shard.on("resume", () => ready.add(shard.id));
    shard.on("reconnecting", () => ready.delete(shard.id));
    shard.on("disconnect", () => ready.delete(shard.id));
    shard.on("death", () => {
      ready.delete(shard.id);
      logger.warn({ shardId: shard.id }, "discord: shard process exited");
    });
    shard.on("error", (error) => {
      logger.error({ err: error, shardId: shard.id }, "discord: shard process error");
    });
  });

  return {
    async start() {
      await manager.spawn({ amount: config.shards, delay: spawnDelayMs, timeout: SPAWN_TIMEOUT_MS });
    },
    async stop() {
      // SIGTERM lets each shard destroy its client (see shard.ts); SIGKILL only for a stuck one.
      await Promise.all(
        manager.shards.map(async (shard) => {
          const child = shard.process;
          ready.delete(shard.id);
          if (!child) return; // never spawned, or already stopped
          shard.kill();
          if (!(await waitForExit(child, SHARD_KILL_GRACE_MS))) child.kill("SIGKILL");
        }),
      );
    },
    isConnected() {
      return ready.size === config.shards;
    },
    async collectMetrics() {
      const snapshots = await Promise.all(manager.shards.map((shard) => shardMetrics(shard, logger)));
      return snapshots.filter((snapshot): snapshot is MetricsSnapshot => snapshot !== undefined);
    },
  };
}
