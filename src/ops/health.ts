import type { Platform } from "../platform-name.js";

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
}

export interface HealthReport {
  readonly status: "ok" | "degraded";
  readonly knowledge: { readonly loaded: boolean; readonly facts: number };
  readonly platforms: Partial<Record<Platform, "connected" | "disconnected">>;
}

/** "ok" when the knowledge is loaded and every configured platform is connected; else "degraded". */
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
  return {
    status: loaded && allConnected ? "ok" : "degraded",
    knowledge: { loaded, facts: input.knowledgeFacts ?? 0 },
    platforms,
  };
}

/** The HTTP status for a report: 200 when ok, 503 when degraded (what load balancers act on). */
export function healthStatusCode(report: HealthReport): 200 | 503 {
  return report.status === "ok" ? 200 : 503;
}
