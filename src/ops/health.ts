import type { Platform } from "../platform-name.js";
import type { FeedbackHealth } from "./feedback-store.js";

/** The part of an adapter a health check reads. */
export interface HealthTarget {
  readonly platform: Platform;
  isConnected(): boolean;
}

export interface HealthInput {
  /** Facts in the loaded knowledge; null while it is not loaded. */
  readonly knowledgeFacts: number | null;
  /** Every configured platform adapter, connected or not. */
  readonly platforms: readonly HealthTarget[];
  /** Whether the feedback file takes records; reported, but answering does not depend on it. */
  readonly feedback?: FeedbackHealth;
  /** The shared Redis, when REDIS_URL is set. */
  readonly redis?: { isConnected(): boolean } | undefined;
}

export interface HealthReport {
  readonly status: "ok" | "degraded";
  readonly knowledge: { readonly loaded: boolean; readonly facts: number };
  readonly platforms: Partial<Record<Platform, "connected" | "disconnected">>;
  /** `failing` when records cannot be written to DATA_DIR; the status stays ok (answers go on). */
  readonly feedback?: FeedbackHealth;
  /**
   * The shared Redis, when REDIS_URL is set (absent otherwise). Informational: without Redis the
   * bot still answers from process memory, so "disconnected" never makes the status degraded:
   * instances stay in the load balancer's rotation while operators see it here.
   */
  readonly redis?: "connected" | "disconnected";
}

/**
 * "ok" when the knowledge is loaded and every configured platform is connected; else "degraded".
 * A failing feedback file is reported beside it without changing it: users still get answers, so
 * a load balancer must not take the instance out; an operator reads `feedback` and the counter.
 */
export function checkHealth(input: HealthInput): HealthReport {
  const loaded = input.knowledgeFacts !== null && input.knowledgeFacts > 0;
  const platforms: Partial<Record<Platform, "connected" | "disconnected">> = {};
  let allConnected = true;
  for (const target of input.platforms) {
    let connected: boolean;
    try {
      connected = target.isConnected();
    } catch {
      connected = false; // a health check reports; it never throws
    }
    // Two adapters of one platform (never configured today) count as connected only if both are.
    if (platforms[target.platform] !== "disconnected") {
      platforms[target.platform] = connected ? "connected" : "disconnected";
    }
    allConnected &&= connected;
  }
  const report: HealthReport = {
    status: loaded && allConnected ? "ok" : "degraded",
    knowledge: { loaded, facts: input.knowledgeFacts ?? 0 },
    platforms,
    ...(input.feedback === undefined ? {} : { feedback: input.feedback }),
  };
  if (input.redis === undefined) return report;
  let redisConnected: boolean;
  try {
    redisConnected = input.redis.isConnected();
  } catch {
    redisConnected = false;
  }
  return { ...report, redis: redisConnected ? "connected" : "disconnected" };
}

/** The HTTP status for a report: 200 when ok, 503 when degraded (what load balancers act on). */
export function healthStatusCode(report: HealthReport): 200 | 503 {
  return report.status === "ok" ? 200 : 503;
}
