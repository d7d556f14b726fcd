import { performance } from "node:perf_hooks";
import type { Answer, Language } from "./core/answer-schema.js";
import type { Answerer } from "./core/answerer-types.js";
import { detectLanguage } from "./core/language.js";
import { MESSAGES } from "./core/messages.js";
import type { Logger } from "./logger.js";
import type { OpsConfig } from "./ops/config.js";
import { createFeedbackStore, type FeedbackStore, type Vote } from "./ops/feedback-store.js";
import { createMetrics, type OpsMetrics, type RejectionReason } from "./ops/metrics.js";
import { rateLimitMessage } from "./ops/rate-limit-message.js";
import { createRateLimiter, rateLimitKey, type RateLimiter } from "./ops/rate-limiter.js";
import type { PlatformAdapter } from "./platform.js";

export type Platform = PlatformAdapter["platform"];

const MAX_REMEMBERED_VOTES = 10_000;

export interface AskRequest {
  readonly platform: Platform;
  /** The platform's user id: the per-user rate limit is kept under it. */
  readonly userId: string;
  readonly question: string;
}

export type AskOutcome =
  | { readonly kind: "answer"; readonly answer: Answer }
  /** Over the per-user limit: show `message` to that user alone; nothing was answered or recorded. */
  | { readonly kind: "rate-limited"; readonly message: string; readonly retryAfterMs: number; readonly language: Language };

export interface VoteRequest {
  readonly platform: Platform;
  readonly userId: string;
  readonly vote: Vote;
  readonly factId: string | null;
  readonly question?: string | null;
}

/**
 * What the adapters call for every question: the per-user rate limit, the answer from the core,
 * one structured log line, the metrics and the curators' feedback file — the same on every
 * platform, so the adapters only translate. Never throws for a question.
 */
export interface Conversation {
  readonly answerer: Answerer;
  ask(request: AskRequest): AskOutcome;
  /** A did-you-mean press: the fact by id, in the asker's language; counted like a question. */
  askFact(request: Omit<AskRequest, "question"> & { readonly factId: string; readonly language: Language }): AskOutcome;
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
}

/**
 * The production conversation of one process, from the operations settings: its own metrics,
 * rate limiter and feedback file writer. Used by `npm start` and by each Discord shard process.
 */
export function createConversationFromConfig(
  answerer: Answerer,
  logger: Logger,
  ops: Pick<OpsConfig, "rateLimitPerMinute" | "dataDir" | "recordQuestions">,
): { conversation: Conversation; metrics: OpsMetrics; feedback: FeedbackStore } {
  const metrics = createMetrics();
  metrics.setKnowledgeFacts(answerer.factCount);
  const feedback = createFeedbackStore({
    dataDir: ops.dataDir,
    recordQuestions: ops.recordQuestions,
    logger,
    onWriteError: () => {
      metrics.recordFeedbackWriteError();
    },
  });
  const conversation = createConversation({
    answerer,
    logger,
    metrics,
    limiter: createRateLimiter({ limit: ops.rateLimitPerMinute }),
    feedback,
  });
  return { conversation, metrics, feedback };
}

export function createConversation(options: ConversationOptions): Conversation {
  const { answerer, logger, limiter, metrics, feedback } = options;
  /** Last vote per user and answer, oldest first; bounded, so memory does not grow with users. */
  const recentVotes = new Map<string, Vote>();

  // The asker's language is only needed to turn them away or to apologize: worked out then, not
  // for every question (the core detects it again, with its vocabulary, to answer).
  function limited(platform: Platform, userId: string, languageOf: () => Language): AskOutcome | undefined {
    const decision = limiter?.check(rateLimitKey(platform, userId));
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

  function settle(platform: Platform, question: string | null, languageOf: () => Language, run: () => Answer): AskOutcome {
    const started = performance.now();
    const answer = safely(run, languageOf);
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    metrics?.recordQuestion(platform, answer.status, latencyMs);
    logger.info(
      { platform, status: answer.status, factId: answer.factId, confidence: answer.confidence, language: answer.language, latencyMs },
      answer.status === "answered" ? "question answered" : "question refused",
    );
    void feedback?.recordQuestion(platform, question, answer);
    return { kind: "answer", answer };
  }

  return {
    answerer,
    ask({ platform, userId, question }) {
      const languageOf = (): Language => detectLanguage(question);
      return limited(platform, userId, languageOf) ?? settle(platform, question, languageOf, () => answerer.answer(question));
    },
    askFact({ platform, userId, factId, language }) {
      // A did-you-mean press has no question of its own to keep: the fact id is not one.
      const languageOf = (): Language => language;
      return limited(platform, userId, languageOf) ?? settle(platform, null, languageOf, () => answerer.answerFact(factId, language));
    },
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
