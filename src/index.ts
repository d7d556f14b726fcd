// The core's public surface: adapters and tools import from here, never from deeper files.
export { AnswerSchema, LanguageSchema } from "./core/answer-schema.js";
export type { Answer, Language, Source, Suggestion } from "./core/answer-schema.js";
export type { Answerer, PackSummary, TopicSummary } from "./core/answerer-types.js";
export { createAnswerer } from "./core/answerer.js";
export { loadKnowledge, DEFAULT_KNOWLEDGE_DIR } from "./core/knowledge-loader.js";
export { KnowledgeError } from "./core/errors.js";
export type { Knowledge, Fact, Pack } from "./core/knowledge-schema.js";
export type { AdapterContext, PlatformAdapter } from "./platform.js";
export { createLogger, redactSecrets } from "./logger.js";
export type { Logger } from "./logger.js";
