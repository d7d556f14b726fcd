// The managing process asks each shard process for its metrics over the ShardingManager's IPC
// channel, so that the manager's GET /metrics serves the whole bot: every shard's questions,
// latencies and errors, aggregated with its own. discord.js passes messages it does not know
// through as the shard's "message" event (manager side) and leaves them to process.on("message")
// (shard side); both ends check what they receive with these schemas.
import { z } from "zod";
import { MetricDataSchema } from "../../src/index.js";

/** How long a scrape waits for a shard; one that has not answered by then is left out of that scrape. */
export const SHARD_METRICS_TIMEOUT_MS = 1_000;

const REQUEST_TYPE = "article-qa:metrics-request";
const REPLY_TYPE = "article-qa:metrics-reply";

export const ShardMetricsRequestSchema = z.object({ type: z.literal(REQUEST_TYPE), requestId: z.string().min(1) });
export type ShardMetricsRequest = z.infer<typeof ShardMetricsRequestSchema>;

export const ShardMetricsReplySchema = z.object({
  type: z.literal(REPLY_TYPE),
  requestId: z.string().min(1),
  metrics: z.array(MetricDataSchema),
});
export type ShardMetricsReply = z.infer<typeof ShardMetricsReplySchema>;

export function metricsRequest(requestId: string): ShardMetricsRequest {
  return { type: REQUEST_TYPE, requestId };
}

/** The shard side's answer; `metrics` is its registry's getMetricsAsJSON, sent as JSON. */
export function metricsReply(requestId: string, metrics: unknown): { type: typeof REPLY_TYPE; requestId: string; metrics: unknown } {
  return { type: REPLY_TYPE, requestId, metrics };
}
