// The core's public surface: adapters and tools import from here, never from deeper files.
export { AnswerSchema, ConversationTurnSchema, LanguageSchema } from "./core/answer-schema.js";
export type { Answer, ConversationTurn, Language, Source, Suggestion } from "./core/answer-schema.js";
export type { Answerer, AnswerOptions, PackSummary, TopicSummary } from "./core/answerer-types.js";
export { createAnswerer } from "./core/answerer.js";
export { loadKnowledge, DEFAULT_KNOWLEDGE_DIR } from "./core/knowledge-loader.js";
export { KnowledgeError } from "./core/errors.js";
export type { Knowledge, Fact, Pack } from "./core/knowledge-schema.js";
export type { AdapterContext, PlatformAdapter } from "./platform.js";
export { PLATFORMS } from "./platform-name.js";
export { createLogger, redactSecrets } from "./logger.js";
export type { Logger } from "./logger.js";
export { createConversation, createConversationFromConfig } from "./conversation.js";
export type {
  AskOutcome,
  AskRequest,
  Conversation,
  ConversationKey,
  ConversationOptions,
  ConversationSettings,
  FactRequest,
  Help,
  Platform,
  ProductionConversation,
  ShareRequest,
  VoteRequest,
} from "./conversation.js";
export {
  createInMemoryConversationMemory,
  DEFAULT_CONVERSATION_TTL_MS,
  DEFAULT_MAX_CONVERSATIONS,
  DEFAULT_MAX_TURNS,
} from "./conversation-memory.js";
export type { ConversationMemory, InMemoryConversationMemoryOptions } from "./conversation-memory.js";
export { createRateLimiter } from "./ops/rate-limiter.js";
export type { RateLimiter, RateLimitDecision } from "./ops/rate-limiter.js";
export { createMetrics, MetricDataSchema } from "./ops/metrics.js";
export type { MetricData, MetricsSnapshot, OpsMetrics, RejectionReason } from "./ops/metrics.js";
export { createLimitedServer, HTTP_LIMITS, refuse } from "./ops/http-limits.js";
export { sampledWarning } from "./ops/sampled-log.js";
export { DeliveryError, neverConnected, mayHaveBeenPosted, REPLY_BUDGET_MS, replyBudget, sendOnce } from "./ops/delivery.js";
export type { ReplyBudget, SendFailure } from "./ops/delivery.js";
export { createRedisConversationMemory } from "./conversation-memory-redis.js";
export { connectSharedRedis, REDIS_TIMINGS } from "./ops/redis.js";
export type { RedisState, SharedRedis } from "./ops/redis.js";
export { readRedisConfig, redactRedisUrl, DEFAULT_REDIS_PREFIX } from "./ops/redis-config.js";
export type { RedisConfig } from "./ops/redis-config.js";
export { createFeedbackStore } from "./ops/feedback-store.js";
export type { FeedbackStore, Vote } from "./ops/feedback-store.js";
export { operatorRoutes } from "./ops/operator-server.js";
export type { OperatorRoute } from "./ops/operator-server.js";
export { detectLanguage } from "./core/language.js";
export { loadDotEnv } from "./env-file.js";
export { readOpsConfig } from "./ops/config.js";
export type { OpsConfig } from "./ops/config.js";
export { removeInvisibleControls, truncate } from "./text.js";
