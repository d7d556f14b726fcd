import { ConversationTurnSchema, type Answer, type ConversationTurn } from "./core/answer-schema.js";
import type { ConversationMemory } from "./conversation-memory.js";

/** Where a question sits in a conversation, as the adapters name it. */
export interface ConversationKey {
  /** Where this exchange is remembered: "slack:C123:1700000000.000100", "discord:dm:42"… */
  readonly key: string;
  /**
   * Where the earlier turns are, when not under `key`. A Discord reply to one of the bot's answers
   * continues the conversation of the question that answer was for, and carries it on under its
   * own key, so that a reply to the next answer finds the whole exchange too.
   */
  readonly continues?: string;
}

/** Enough of a logger to report a memory that failed: the question is answered all the same. */
export interface FollowUpLogger {
  warn(details: object, message: string): void;
}

/**
 * The one place follow-up context is read and written: the conversation service uses it for every
 * platform, the CLI and the terminal chat for theirs. A memory that fails (a shared store that is
 * down) costs the context, never the answer.
 */
export interface FollowUps {
  /** The turns a question in `conversation` leans on, oldest first; none without a conversation. */
  context(conversation: ConversationKey | undefined): Promise<readonly ConversationTurn[]>;
  /**
   * Remembers the exchange under the conversation's key: the turns it leaned on (when they were
   * read from another key) and `answer.turn` as the core gave it, once it fits the schema.
   */
  remember(conversation: ConversationKey | undefined, context: readonly ConversationTurn[], answer: Answer): Promise<void>;
  /** Reads the context, answers with it (`answer` is the core, or what wraps it), then remembers the exchange. */
  answerIn(conversation: ConversationKey | undefined, answer: (context: readonly ConversationTurn[]) => Answer): Promise<Answer>;
}

export function createFollowUps(memory: ConversationMemory, logger: FollowUpLogger): FollowUps {
  const followUps: FollowUps = {
    async answerIn(conversation, answer) {
      const context = await followUps.context(conversation);
      const answered = answer(context);
      await followUps.remember(conversation, context, answered);
      return answered;
    },
    async context(conversation) {
      if (conversation === undefined) return [];
      try {
        return await memory.get(conversation.continues ?? conversation.key);
      } catch (error) {
        logger.warn({ err: error }, "could not read the conversation's earlier turns; answering without them");
        return [];
      }
    },
    async remember(conversation, context, answer) {
      if (conversation === undefined) return;
      const carried = conversation.continues !== undefined && conversation.continues !== conversation.key ? context : [];
      const turn = answer.turn === undefined ? undefined : ConversationTurnSchema.safeParse(answer.turn);
      if (turn?.success === false) {
        logger.warn({ issues: turn.error.issues.length }, "the core's turn does not fit ConversationTurnSchema; not remembered");
      }
      const turns = turn?.success === true ? [...carried, turn.data] : carried;
      try {
        for (const next of turns) await memory.append(conversation.key, next);
      } catch (error) {
        logger.warn({ err: error }, "could not remember the exchange; the next question will stand alone");
      }
    },
  };
  return followUps;
}
