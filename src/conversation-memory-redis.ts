import { ConversationTurnSchema, type ConversationTurn } from "./core/answer-schema.js";
import {
  createInMemoryConversationMemory,
  DEFAULT_CONVERSATION_TTL_MS,
  DEFAULT_MAX_TURNS,
  type ConversationMemory,
} from "./conversation-memory.js";
import type { Logger } from "./logger.js";
import type { SharedRedis } from "./ops/redis.js";

export interface RedisConversationMemoryOptions {
  readonly redis: SharedRedis;
  readonly logger: Pick<Logger, "warn">;
  readonly maxTurns?: number;
  readonly ttlMs?: number;
  /** Where turns go while Redis is down (default: an in-memory LRU with the same limits). */
  readonly fallback?: ConversationMemory;
}

/** A stored turn that is not JSON or does not fit ConversationTurnSchema (another version wrote it, or someone by hand). */
function parseTurn(stored: string): ConversationTurn | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  const turn = ConversationTurnSchema.safeParse(value);
  return turn.success ? turn.data : undefined;
}

/**
 * Conversations in the shared Redis, so a follow-up that reaches another instance (or another
 * Discord shard) is answered in context: one list per conversation under
 * `<prefix>conversation:<key>`, the newest turn pushed on the right, trimmed to the last `maxTurns`
 * and expiring `ttlMs` after the latest turn, in one MULTI so no reader sees a list untrimmed or
 * without its expiry. While Redis is down, turns are kept in process memory instead.
 */
export function createRedisConversationMemory(options: RedisConversationMemoryOptions): ConversationMemory {
  const { redis, logger } = options;
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const ttlMs = options.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS;
  const fallback = options.fallback ?? createInMemoryConversationMemory({ maxTurns, ttlMs });
  const keyOf = (conversationKey: string): string => redis.key("conversation", conversationKey);

  return {
    get(conversationKey) {
      return redis.attempt(
        "read conversation",
        async (client) => {
          const stored = await client.lrange(keyOf(conversationKey), 0, -1);
          const turns = stored.map(parseTurn);
          const valid = turns.filter((turn): turn is ConversationTurn => turn !== undefined);
          if (valid.length < turns.length) {
            // Skipped, never thrown: a bad record costs that turn's context, not the answer.
            logger.warn({ skipped: turns.length - valid.length }, "skipped conversation turns in Redis that do not fit ConversationTurnSchema");
          }
          return valid;
        },
        () => fallback.get(conversationKey),
      );
    },
    append(conversationKey, turn) {
      const key = keyOf(conversationKey);
      return redis.attempt(
        "remember conversation",
        async (client) => {
          const replies = await client.multi().rpush(key, JSON.stringify(turn)).ltrim(key, -maxTurns, -1).pexpire(key, ttlMs).exec();
          // exec() resolves with one [error, reply] pair per command; a failed one is a failed write.
          const failed = (replies ?? []).find(([error]) => error !== null);
          if (replies === null || failed !== undefined) throw failed?.[0] ?? new Error("the MULTI was discarded");
        },
        () => fallback.append(conversationKey, turn),
      );
    },
  };
}
