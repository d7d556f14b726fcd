import { performance } from "node:perf_hooks";
import type { Answer, ConversationTurn, Language } from "./core/answer-schema.js";
import type { Answerer, PackSummary, TopicSummary } from "./core/answerer-types.js";
import { MESSAGES } from "./core/messages.js";
import { createInMemoryConversationMemory, type ConversationMemory } from "./conversation-memory.js";
import { createRedisConversationMemory } from "./conversation-memory-redis.js";
import { createFollowUps, type ConversationKey } from "./follow-ups.js";
import type { Logger } from "./logger.js";
import type { OpsConfig } from "./ops/config.js";
import { createFeedbackStore, type FeedbackStore, type Vote } from "./ops/feedback-store.js";
import { createMetrics, type OpsMetrics, type RejectionReason } from "./ops/metrics.js";
import { rateLimitMessage } from "./ops/rate-limit-message.js";
import { createRateLimiter, rateLimitKey, type RateLimiter } from "./ops/rate-limiter.js";
import type { RedisConfig } from "./ops/redis-config.js";
import { connectSharedRedis, type SharedRedis } from "./ops/redis.js";
import type { Platform } from "./platform-name.js";

export type { Platform } from "./platform-name.js";
export type { ConversationKey } from "./follow-ups.js";

const MAX_REMEMBERED_VOTES = 10_000;

/** Words that ask for help (the topics) rather than ask a question, with the language they ask in. */
const HELP_WORDS: Readonly<Record<string, Language>> = { help: "en", "?": "en", aide: "fr", aidez: "fr" };
/** Help for a message with no words at all is offered in English unless the platform knows better. */
const DEFAULT_HELP_LANGUAGE: Language = "en";

export interface AskRequest {
  readonly platform: Platform;
  /** The platform's user id: the per-user rate limit is kept under it. */
  readonly userId: string;
  readonly question: string;
  /** The conversation the question belongs to; without one it stands alone and is not remembered. */
  readonly conversation?: ConversationKey;
  /** The language to help in when the message has no words to tell by (a Discord locale). */
  readonly languageHint?: Language;
}

export interface FactRequest {
  readonly platform: Platform;
  readonly userId: string;
  readonly factId: string;
  readonly language: Language;
  readonly conversation?: ConversationKey;
}

/** What the bot knows, for an empty question, "help", /topics and the Slack App Home. */
export interface Help {
  readonly language: Language;
  readonly packs: readonly PackSummary[];
  readonly topics: readonly TopicSummary[];
}

export type AskOutcome =
  | { readonly kind: "answer"; readonly answer: Answer }
  /** An empty question or a word asking for help: show what the bot knows; nothing was counted. */
  | { readonly kind: "help"; readonly help: Help }
  /** Over the per-user limit: show `message` to that user alone; nothing was answered or recorded. */
  | { readonly kind: "rate-limited"; readonly message: string; readonly retryAfterMs: number; readonly language: Language };

export interface VoteRequest {
  readonly platform: Platform;
  readonly userId: string;
  readonly vote: Vote;
  readonly factId: string | null;
  readonly question?: string | null;
}

/** What a "Share in channel" press stands for: the fact by id, or (older buttons) the question. */
export type ShareRequest = { readonly factId: string; readonly language: Language } | { readonly question: string };

/**
 * The whole exchange with one asker, the same on every platform, so adapters only translate
 * platform events into these calls and the outcomes into native messages: help for an empty
 * question, follow-up context, the asker's language (read once, with the knowledge's vocabulary),
 * the per-user rate limit, one log line, the metrics and the curators' feedback file. Never
 * throws for a question.
 */
export interface Conversation {
  ask(request: AskRequest): Promise<AskOutcome>;
  /** A did-you-mean press: the fact by id, in the asker's language; counted like a question. */
  askFact(request: FactRequest): Promise<AskOutcome>;
  /**
   * True while the conversation has turns to lean on (it has not expired): a plain reply in a Slack
   * thread the bot answered is for the bot only then.
   */
  isActive(conversationKey: string): Promise<boolean>;
  /** The answer a "Share in channel" press shows again: not a new question, so not counted, limited or recorded. */
  answerAgain(request: ShareRequest): Answer;
  help(language: Language): Help;
  /** Autocomplete: sample questions that fit what the user typed so far. */
  suggest(prefix: string, language?: Language): string[];
  /** The language of a text as the core reads it: for what is said around an answer (an apology). */
  detectLanguage(text: string): Language;
  readonly packs: readonly PackSummary[];
  /** A 👍/👎 press; resolves once recorded (or once recording failed and was logged). */
  vote(request: VoteRequest): Promise<void>;
  /**
   * Counts a failure talking to the platform (a reply that could not be sent) in the metrics. The
   * adapter that saw it logs it, with what it was doing; logged again at debug level here.
   */
  platformError(platform: Platform, error: unknown, context?: Record<string, unknown>): void;
  /**
   * Counts an inbound request the adapter refused before it reached the bot (a forged signature, a
   * timestamp out of range, a body too large or of no known shape). The adapter logs a sample.
   */
  requestRejected(platform: Platform, reason: RejectionReason): void;
  /** Resolves once the feedback records of every question so far are written: call it on shutdown. */
  flush(): Promise<void>;
}

export interface ConversationOptions {
  readonly answerer: Answerer;
  readonly logger: Logger;
  readonly limiter?: RateLimiter;
  readonly metrics?: OpsMetrics;
  readonly feedback?: FeedbackStore;
  /** Where conversations keep their last turns (default: this process's memory). */
  readonly memory?: ConversationMemory;
}

/** The settings createConversationFromConfig reads: the operations variables, and Redis when REDIS_URL is set. */
export type ConversationSettings = Pick<OpsConfig, "rateLimitPerMinute" | "dataDir" | "recordQuestions"> & {
  readonly redis?: RedisConfig | undefined;
};

export interface ProductionConversation {
  readonly conversation: Conversation;
  readonly metrics: OpsMetrics;
  /** The feedback file writer, whose health /healthz reports. */
  readonly feedback: FeedbackStore;
  /** The shared Redis when REDIS_URL is set: the Slack adapter de-duplicates through it; close it on shutdown. */
  readonly redis: SharedRedis | undefined;
}

/**
 * The production conversation of one process, from the operations settings: its own metrics and
 * feedback file writer; its rate limiter and conversation memory in the shared Redis when
 * REDIS_URL is set (falling back to this process's memory while Redis is down), else in this
 * process's memory. Used by `npm start` and by each Discord shard process.
 */
export function createConversationFromConfig(answerer: Answerer, logger: Logger, settings: ConversationSettings): ProductionConversation {
  const metrics = createMetrics();
  metrics.setKnowledgeFacts(answerer.factCount);
  const feedback = createFeedbackStore({
    dataDir: settings.dataDir,
    recordQuestions: settings.recordQuestions,
    logger,
    onWriteError: () => {
      metrics.recordFeedbackWriteError();
    },
  });
  const redis = settings.redis === undefined ? undefined : connectSharedRedis(settings.redis, { logger, metrics });
  const conversation = createConversation({
    answerer,
    logger,
    metrics,
    limiter: createRateLimiter({ limit: settings.rateLimitPerMinute, ...(redis === undefined ? {} : { redis }) }),
    feedback,
    ...(redis === undefined ? {} : { memory: createRedisConversationMemory({ redis, logger }) }),
  });
  return { conversation, metrics, feedback, redis };
}

export function createConversation(options: ConversationOptions): Conversation {
  const { answerer, logger, limiter, metrics, feedback } = options;
  const memory = options.memory ?? createInMemoryConversationMemory();
  const followUps = createFollowUps(memory, logger);
  /** Last vote per user and answer, oldest first; bounded, so memory does not grow with users. */
  const recentVotes = new Map<string, Vote>();

  function help(language: Language): Help {
    return { language, packs: answerer.packs, topics: answerer.topics(language) };
  }

  /** Help for an empty message or a help word; undefined for a real question. */
  function helpFor(question: string, hint: Language | undefined): Help | undefined {
    const word = question.trim().toLowerCase();
    if (word === "") return help(hint ?? DEFAULT_HELP_LANGUAGE);
    const asked = HELP_WORDS[word];
    return asked === undefined ? undefined : help(asked);
  }

  /** The core never throws on any input (property-tested); this is for the bug that would make it. */
  function detectLanguage(text: string): Language {
    try {
      return answerer.detectLanguage(text);
    } catch {
      return "fr";
    }
  }

  // The asker's language is worked out here only to turn them away or to apologize: the answer
  // carries the language the core read, with the same vocabulary.
  async function limited(platform: Platform, userId: string, languageOf: () => Language): Promise<AskOutcome | undefined> {
    const decision = await limiter?.check(rateLimitKey(platform, userId));
    if (!decision || decision.allowed) return undefined;
    metrics?.recordRateLimited(platform);
    logger.info({ platform, status: "rate_limited", retryAfterMs: decision.retryAfterMs }, "question over the rate limit");
    const language = languageOf();
    return { kind: "rate-limited", message: rateLimitMessage(decision.retryAfterMs, language), retryAfterMs: decision.retryAfterMs, language };
  }

  /** The core never throws on any input (property-tested); should a bug make it, the asker still gets a reply. */
  function safely(run: () => Answer, languageOf: () => Language): Answer {
    try {
      return run();
    } catch (error) {
      logger.error({ err: error }, "the core failed to answer; replying that it does not know");
      const language = languageOf();
      return { status: "unknown", answer: MESSAGES.unknown[language], confidence: 0, factId: null, source: null, suggestions: [], language };
    }
  }

  function settle(
    platform: Platform,
    question: string | null,
    context: readonly ConversationTurn[],
    languageOf: () => Language,
    run: () => Answer,
  ): Answer {
    const started = performance.now();
    const answer = safely(run, languageOf);
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    metrics?.recordQuestion(platform, answer.status, latencyMs);
    logger.info(
      {
        platform,
        status: answer.status,
        factId: answer.factId,
        confidence: answer.confidence,
        language: answer.language,
        latencyMs,
        contextTurns: context.length,
        ...(answer.contextNote === undefined ? {} : { readInContext: true }),
      },
      answer.status === "answered" ? "question answered" : "question refused",
    );
    void feedback?.recordQuestion(platform, question, answer);
    return answer;
  }

  return {
    async ask({ platform, userId, question, conversation, languageHint }) {
      const asksForHelp = helpFor(question, languageHint);
      if (asksForHelp !== undefined) return { kind: "help", help: asksForHelp };
      const languageOf = (): Language => detectLanguage(question);
      const refused = await limited(platform, userId, languageOf);
      if (refused !== undefined) return refused;
      const answer = await followUps.answerIn(conversation, (context) =>
        settle(platform, question, context, languageOf, () => answerer.answer(question, { context })),
      );
      return { kind: "answer", answer };
    },
    async askFact({ platform, userId, factId, language, conversation }) {
      const languageOf = (): Language => language;
      const refused = await limited(platform, userId, languageOf);
      if (refused !== undefined) return refused;
      // A did-you-mean press has no question of its own to keep: the fact id is not one.
      const answer = await followUps.answerIn(conversation, (context) =>
        settle(platform, null, context, languageOf, () => answerer.answerFact(factId, language)),
      );
      return { kind: "answer", answer };
    },
    async isActive(conversationKey) {
      return (await followUps.context({ key: conversationKey })).length > 0;
    },
    answerAgain(request) {
      const languageOf = (): Language => ("language" in request ? request.language : detectLanguage(request.question));
      return safely(() => ("factId" in request ? answerer.answerFact(request.factId, request.language) : answerer.answer(request.question)), languageOf);
    },
    help,
    suggest: (prefix, language) => answerer.suggest(prefix, language),
    detectLanguage,
    packs: answerer.packs,
    async vote({ platform, userId, vote, factId, question }) {
      // One vote per user and answer: pressing 👎 ten times is one opinion; changing it is another.
      const key = `${platform}:${userId}:${factId ?? "-"}`;
      if (recentVotes.get(key) === vote) return;
      recentVotes.delete(key);
      recentVotes.set(key, vote);
      if (recentVotes.size > MAX_REMEMBERED_VOTES) recentVotes.delete(recentVotes.keys().next().value ?? key);
      logger.info({ platform, vote, factId }, "feedback");
      await feedback?.recordVote({ platform, vote, factId, question: question ?? null });
    },
    platformError(platform, error, context = {}) {
      metrics?.recordPlatformError(platform);
      logger.debug({ ...context, platform, err: error }, "platform error counted");
    },
    requestRejected(platform, reason) {
      metrics?.recordRejectedRequest(platform, reason);
    },
    async flush() {
      await feedback?.flush();
    },
  };
}
