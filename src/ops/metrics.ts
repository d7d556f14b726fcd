import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { z } from "zod";
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
/** Where a Redis failure happened: reaching the server, or a command sent over the connection. */
export type RedisErrorKind = "connection" | "command";
const REDIS_ERROR_KINDS: readonly RedisErrorKind[] = ["connection", "command"];

/**
 * One metric of another process's registry, as prom-client's getMetricsAsJSON gives it and as it
 * crosses a process boundary (JSON turns a NaN or infinite value into null: read as 0).
 */
export const MetricDataSchema = z.object({
  name: z.string().min(1),
  help: z.string(),
  type: z.enum(["counter", "gauge", "histogram", "summary"]),
  aggregator: z.enum(["omit", "sum", "first", "min", "max", "average"]),
  values: z.array(
    z.object({
      value: z
        .number()
        .nullable()
        .transform((value) => value ?? 0),
      labels: z.record(z.string(), z.union([z.string(), z.number()])),
      metricName: z.string().optional(),
    }),
  ),
});
export type MetricData = z.infer<typeof MetricDataSchema>;
/** One registry's metrics as plain data, validated with MetricDataSchema. */
export type MetricsSnapshot = readonly MetricData[];

/** Other processes' metrics to serve with this one's (the Discord shard processes, for the manager). */
export type MetricsSource = () => Promise<readonly MetricsSnapshot[]>;

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
  /** Counts one Redis failure: a connection attempt or a command (each then fell back to memory). */
  recordRedisError(kind: RedisErrorKind): void;
  /** Whether this process is connected to REDIS_URL right now. */
  setRedisConnected(connected: boolean): void;
  /**
   * Serves the metrics of other processes with this one's, aggregated as prom-client's cluster
   * registry does: counters and histograms summed by label, so one scrape sees the whole bot.
   */
  addSource(source: MetricsSource): void;
  /** This process's own metrics as plain data, for a managing process to aggregate (send it as JSON). */
  snapshot(): ReturnType<Registry["getMetricsAsJSON"]>;
  /** The Prometheus text exposition of every metric (this process's and its sources'). */
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
    // Every shard process loads the same knowledge: aggregated, it is one knowledge, not N.
    aggregator: "max",
    registers: [registry],
  });
  const redisErrors = new Counter({
    name: "redis_errors_total",
    help: "Redis failures (connection attempts, commands), each answered from process memory instead.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  // Registered by the first setRedisConnected, i.e. only where REDIS_URL is set: an alert on
  // redis_connected == 0 must not fire for a deployment that has no Redis.
  let redisConnected: Gauge | undefined;
  const sources: MetricsSource[] = [];

  // Every series exists from the start at 0, so rate() and alerts work before the first question.
  for (const platform of PLATFORMS) {
    for (const status of OUTCOMES) questions.inc({ platform, status }, 0);
    platformErrors.inc({ platform }, 0);
  }
  for (const reason of REJECTION_REASONS) rejectedRequests.inc({ platform: "slack", reason }, 0);
  feedbackWriteErrors.inc(0);
  for (const kind of REDIS_ERROR_KINDS) redisErrors.inc({ kind }, 0);

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
    recordRedisError(kind) {
      redisErrors.inc({ kind });
    },
    setRedisConnected(connected) {
      redisConnected ??= new Gauge({
        name: "redis_connected",
        help: "1 while connected to REDIS_URL, else 0. Aggregated over processes: 1 only if every one is.",
        aggregator: "min",
        registers: [registry],
      });
      redisConnected.set(connected ? 1 : 0);
    },
    addSource(source) {
      sources.push(source);
    },
    snapshot: () => registry.getMetricsAsJSON(),
    async render() {
      if (sources.length === 0) return registry.metrics();
      // A source that fails costs its own figures, never the scrape.
      const others = (await Promise.all(sources.map((source) => source().catch(() => [])))).flat();
      if (others.length === 0) return registry.metrics();
      return AggregatorRegistry.aggregate([await registry.getMetricsAsJSON(), ...others.map((snapshot) => [...snapshot])]).metrics();
    },
  };
}
