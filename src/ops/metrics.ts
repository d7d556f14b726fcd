import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Answer } from "../core/answer-schema.js";
import { PLATFORMS, type Platform } from "../platform-name.js";

export type MetricsPlatform = Platform;

/** How a question ended: the core's status, or turned away by the per-user limit before it. */
export type QuestionOutcome = Answer["status"] | "rate_limited";

const OUTCOMES: readonly QuestionOutcome[] = ["answered", "unknown", "rate_limited"];

/**
 * Why an inbound request was refused before it reached the bot: no valid signature, a timestamp
 * missing or more than 5 minutes from now, a body over the limit, or a signed body of no shape
 * the platform sends.
 */
export const REJECTION_REASONS = ["signature", "timestamp", "too_large", "malformed"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface MetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, GC); default true. */
  readonly processMetrics?: boolean;
}

/**
 * The bot's Prometheus metrics, in a registry of its own (never prom-client's global one), so
 * several instances in one process (tests) do not collide.
 */
export interface OpsMetrics {
  readonly registry: Registry;
  /** The Content-Type to serve `render()` with. */
  readonly contentType: string;
  /** Counts one question that got an answer or a refusal, and how long answering took. */
  recordQuestion(platform: MetricsPlatform, status: Answer["status"], latencyMs: number): void;
  /** Counts one question turned away by the per-user rate limit. */
  recordRateLimited(platform: MetricsPlatform): void;
  /** Counts one failure talking to a platform (a reply that could not be sent, a lost connection). */
  recordPlatformError(platform: MetricsPlatform): void;
  /** Counts one inbound request refused before it reached the bot (Slack's HTTP mode). */
  recordRejectedRequest(platform: MetricsPlatform, reason: RejectionReason): void;
  /** Counts one record the feedback file could not take (unwritable or full DATA_DIR). */
  recordFeedbackWriteError(): void;
  /** Sets how many facts the loaded knowledge holds. */
  setKnowledgeFacts(count: number): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
}

export function createMetrics(options: MetricsOptions = {}): OpsMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const questions = new Counter({
    name: "questions_total",
    help: "Questions received, by platform and outcome (answered, unknown, rate_limited).",
    labelNames: ["platform", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "answer_latency_seconds",
    help: "Time the core took to answer a question, in seconds.",
    labelNames: ["platform"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const platformErrors = new Counter({
    name: "platform_errors_total",
    help: "Failures talking to a platform, by platform.",
    labelNames: ["platform"] as const,
    registers: [registry],
  });
  const rejectedRequests = new Counter({
    name: "rejected_requests_total",
    help: "Inbound requests refused before reaching the bot, by platform and reason (signature, timestamp, too_large, malformed).",
    labelNames: ["platform", "reason"] as const,
    registers: [registry],
  });
  const feedbackWriteErrors = new Counter({
    name: "feedback_write_errors_total",
    help: "Feedback records (question outcomes, votes) that could not be written to DATA_DIR.",
    registers: [registry],
  });
  const knowledgeFacts = new Gauge({
    name: "knowledge_facts",
    help: "Facts in the loaded knowledge.",
    registers: [registry],
  });

  // Every series exists from the start at 0, so rate() and alerts work before the first question.
  for (const platform of PLATFORMS) {
    for (const status of OUTCOMES) questions.inc({ platform, status }, 0);
    platformErrors.inc({ platform }, 0);
  }
  for (const reason of REJECTION_REASONS) rejectedRequests.inc({ platform: "slack", reason }, 0);
  feedbackWriteErrors.inc(0);

  return {
    registry,
    contentType: registry.contentType,
    recordQuestion(platform, status, latencyMs) {
      questions.inc({ platform, status });
      if (Number.isFinite(latencyMs) && latencyMs >= 0) latency.observe({ platform }, latencyMs / 1000);
    },
    recordRateLimited(platform) {
      questions.inc({ platform, status: "rate_limited" });
    },
    recordPlatformError(platform) {
      platformErrors.inc({ platform });
    },
    recordRejectedRequest(platform, reason) {
      rejectedRequests.inc({ platform, reason });
    },
    recordFeedbackWriteError() {
      feedbackWriteErrors.inc();
    },
    setKnowledgeFacts(count) {
      knowledgeFacts.set(count);
    },
    render() {
      return registry.metrics();
    },
  };
}
