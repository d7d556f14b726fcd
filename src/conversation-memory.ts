import { performance } from "node:perf_hooks";
import { LRUCache } from "lru-cache";
import type { ConversationTurn } from "./core/answer-schema.js";

/**
 * Where conversations keep their last turns between questions. Async and keyed by a conversation
 * key ("slack:C123:1700000000.000100"), so that a shared store (Redis) can stand in for the
 * in-memory one without any adapter noticing.
 */
export interface ConversationMemory {
  /** The conversation's remembered turns, oldest first; empty when it is unknown or has expired. */
  get(conversationKey: string): Promise<readonly ConversationTurn[]>;
  /**
   * Adds a turn at the end, keeping only the last few, and restarts the conversation's expiry:
   * a conversation is forgotten a while after its last turn, not its first.
   */
  append(conversationKey: string, turn: ConversationTurn): Promise<void>;
}

/** A follow-up leans on the last exchange or two; five turns leave room for a digression. */
export const DEFAULT_MAX_TURNS = 5;
/** A discussion that pauses for half an hour has moved on: the next question starts afresh. */
export const DEFAULT_CONVERSATION_TTL_MS = 30 * 60 * 1000;
/**
 * Conversations remembered at once, least recently active forgotten first. A turn is well under
 * 1 KB, so even full, the memory holds some tens of megabytes at most.
 */
export const DEFAULT_MAX_CONVERSATIONS = 10_000;

export interface InMemoryConversationMemoryOptions {
  readonly maxConversations?: number;
  readonly maxTurns?: number;
  readonly ttlMs?: number;
  /** The clock, in milliseconds, for tests; defaults to performance.now. */
  readonly now?: () => number;
}

/**
 * Conversations in this process's memory: an LRU bounded in conversations and in turns per
 * conversation, each conversation expiring `ttlMs` after its last turn. Per process: several
 * instances each remember their own conversations (the README says what that means).
 */
export function createInMemoryConversationMemory(options: InMemoryConversationMemoryOptions = {}): ConversationMemory {
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const now = options.now ?? (() => performance.now());
  const conversations = new LRUCache<string, readonly ConversationTurn[]>({
    max: options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS,
    ttl: options.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS,
    // Read the clock at every look-up (one per question) rather than caching it for a millisecond,
    // so that an injected clock is obeyed exactly.
    ttlResolution: 0,
    perf: { now },
  });
  return {
    get(conversationKey) {
      return Promise.resolve(conversations.get(conversationKey) ?? []);
    },
    append(conversationKey, turn) {
      const turns = [...(conversations.get(conversationKey) ?? []), turn].slice(-maxTurns);
      // set() restarts the time to live: the conversation lives on from its latest turn.
      conversations.set(conversationKey, turns);
      return Promise.resolve();
    },
  };
}
