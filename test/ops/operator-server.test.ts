import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { PlatformAdapter } from "../../src/platform.js";
import { checkHealth } from "../../src/ops/health.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { HTTP_LIMITS } from "../../src/ops/http-limits.js";
import { operatorRoutes, startOperatorServer, type OperatorServer } from "../../src/ops/operator-server.js";
import { SlowClient } from "../support/raw-http.js";

/** A stand-in platform whose connection the test turns on and off. */
function fakeAdapter(platform: PlatformAdapter["platform"]): PlatformAdapter & { connected: boolean } {
  return {
    platform,
    connected: true,
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    isConnected() {
      return this.connected;
    },
  };
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function get(port: number, path: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("operator server", () => {
  it("GET /healthz is 200 while every platform is connected, 503 when one disconnects, 200 again once it is back", async () => {
    const slack = fakeAdapter("slack");
    const discord = fakeAdapter("discord");
    const adapters: PlatformAdapter[] = [slack, discord];
    const server: OperatorServer = await startOperatorServer({
      port: 0,
      host: "127.0.0.1",
      health: () => checkHealth({ knowledgeFacts: 32, platforms: adapters }),
      metrics: createMetrics({ processMetrics: false }),
    });
    servers.push(server);

    const healthy = await get(server.port, "/healthz");
    expect(healthy.status).toBe(200);
    expect(healthy.type).toMatch(/^application\/json/);
    expect(JSON.parse(healthy.body)).toEqual({
      status: "ok",
      knowledge: { loaded: true, facts: 32 },
      platforms: { slack: "connected", discord: "connected" },
    });

    slack.connected = false;
    const degraded = await get(server.port, "/healthz");
    expect(degraded.status).toBe(503);
    expect(JSON.parse(degraded.body)).toEqual({
      status: "degraded",
      knowledge: { loaded: true, facts: 32 },
      platforms: { slack: "disconnected", discord: "connected" },
    });

    slack.connected = true;
    expect((await get(server.port, "/healthz")).status).toBe(200);
  });

  it("GET /healthz is 503 while the knowledge is not loaded", async () => {
    const server = await startOperatorServer({
      port: 0,
      host: "127.0.0.1",
      health: () => checkHealth({ knowledgeFacts: null, platforms: [] }),
      metrics: createMetrics({ processMetrics: false }),
    });
    servers.push(server);
    const response = await get(server.port, "/healthz");
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toMatchObject({ status: "degraded", knowledge: { loaded: false, facts: 0 } });
  });

  it("GET /metrics counts a question in Prometheus text format", async () => {
    const metrics = createMetrics();
    metrics.setKnowledgeFacts(32);
    const server = await startOperatorServer({ port: 0, host: "127.0.0.1", health: () => checkHealth({ knowledgeFacts: 32, platforms: [] }), metrics });
    servers.push(server);

    const before = await get(server.port, "/metrics");
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain/);
    expect(before.body).toContain('questions_total{platform="slack",status="answered"} 0');

    metrics.recordQuestion("slack", "answered", 12);
    metrics.recordQuestion("discord", "unknown", 3);
    metrics.recordRateLimited("discord");
    metrics.recordPlatformError("slack");
    const after = (await get(server.port, "/metrics")).body;
    expect(after).toContain('questions_total{platform="slack",status="answered"} 1');
    expect(after).toContain('questions_total{platform="discord",status="unknown"} 1');
    expect(after).toContain('questions_total{platform="discord",status="rate_limited"} 1');
    expect(after).toContain('answer_latency_seconds_count{platform="slack"} 1');
    expect(after).toContain('answer_latency_seconds_bucket{le="0.025",platform="slack"} 1');
    expect(after).toContain('platform_errors_total{platform="slack"} 1');
    expect(after).toContain("knowledge_facts 32");
    expect(after).toContain("process_cpu_user_seconds_total"); // Node's process metrics, on by default
  });

  it("answers 404 elsewhere and 405 to other methods", async () => {
    const server = await startOperatorServer({ port: 0, host: "127.0.0.1", health: () => checkHealth({ knowledgeFacts: 1, platforms: [] }), metrics: createMetrics({ processMetrics: false }) });
    servers.push(server);
    expect((await get(server.port, "/nope")).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    await post.text();
  });

  it("also mounts as Bolt-style custom routes on someone else's node:http server", async () => {
    const slack = fakeAdapter("slack");
    const routes = operatorRoutes({ health: () => checkHealth({ knowledgeFacts: 5, platforms: [slack] }), metrics: createMetrics({ processMetrics: false }) });
    expect(routes.map((r) => [r.path, r.method])).toEqual([
      ["/healthz", ["GET"]],
      ["/metrics", ["GET"]],
    ]);
    // What Bolt's receivers do with customRoutes: match path and method, call the handler.
    const host = createServer((req: IncomingMessage, res: ServerResponse) => {
      const route = routes.find((r) => r.path === req.url && r.method.includes(req.method ?? ""));
      if (route) route.handler(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    servers.push({ close: () => new Promise<void>((resolve) => host.close(() => { resolve(); })) });
    const port = (host.address() as AddressInfo).port;
    expect((await get(port, "/healthz")).status).toBe(200);
    slack.connected = false;
    expect((await get(port, "/healthz")).status).toBe(503);
    expect((await get(port, "/metrics")).body).toContain("# TYPE questions_total counter");
  });

  it("says when the feedback file is failing, in /healthz and /metrics, while staying 200: answers go on", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const server = await startOperatorServer({
      port: 0,
      host: "127.0.0.1",
      health: () =>
        checkHealth({ knowledgeFacts: 3, platforms: [], feedback: { status: "failing", error: "ENOSPC", since: "2026-01-01T00:00:00.000Z" } }),
      metrics,
    });
    servers.push(server);
    const health = await get(server.port, "/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: "ok", feedback: { status: "failing", error: "ENOSPC" } });
    expect((await get(server.port, "/metrics")).body).toContain("feedback_write_errors_total 0");
    metrics.recordFeedbackWriteError();
    expect((await get(server.port, "/metrics")).body).toContain("feedback_write_errors_total 1");
  });

  it("reports a health check that throws as degraded instead of failing the request", () => {
    const broken = { ...fakeAdapter("discord"), isConnected: (): boolean => { throw new Error("boom"); } };
    expect(checkHealth({ knowledgeFacts: 3, platforms: [broken] })).toEqual({
      status: "degraded",
      knowledge: { loaded: true, facts: 3 },
      platforms: { discord: "disconnected" },
    });
  });

  it("with METRICS_TOKEN, GET /metrics answers 401 without the bearer token, and the metrics with it", async () => {
    const token = "a-metrics-token-of-some-length";
    const server = await startOperatorServer({
      port: 0,
      host: "127.0.0.1",
      health: () => checkHealth({ knowledgeFacts: 1, platforms: [] }),
      metrics: createMetrics({ processMetrics: false }),
      metricsToken: token,
    });
    servers.push(server);
    const url = `http://127.0.0.1:${server.port}/metrics`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await anonymous.text()).not.toContain(token);
    const wrong = await fetch(url, { headers: { authorization: "Bearer not-the-token-at-all-no" } });
    expect(wrong.status).toBe(401);
    await wrong.text();
    const right = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("# TYPE questions_total counter");
    // /healthz stays open: load balancers probe it without credentials.
    expect((await get(server.port, "/healthz")).status).toBe(200);
  });

  it("serves only the endpoints it is given (METRICS_PORT puts /metrics on a server of its own)", async () => {
    const options = { port: 0, host: "127.0.0.1", health: () => checkHealth({ knowledgeFacts: 1, platforms: [] }), metrics: createMetrics({ processMetrics: false }) };
    const healthOnly = await startOperatorServer({ ...options, endpoints: ["health"] });
    const metricsOnly = await startOperatorServer({ ...options, endpoints: ["metrics"] });
    servers.push(healthOnly, metricsOnly);
    expect((await get(healthOnly.port, "/healthz")).status).toBe(200);
    expect((await get(healthOnly.port, "/metrics")).status).toBe(404);
    expect((await get(metricsOnly.port, "/metrics")).status).toBe(200);
    expect((await get(metricsOnly.port, "/healthz")).status).toBe(404);
  });

  it("closes a connection that trickles its headers, within the header timeout", async () => {
    const server = await startOperatorServer({
      port: 0,
      host: "127.0.0.1",
      health: () => checkHealth({ knowledgeFacts: 1, platforms: [] }),
      metrics: createMetrics({ processMetrics: false }),
    });
    servers.push(server);
    const slow = new SlowClient(server.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n", 200);
    try {
      await new Promise((resolve) => setTimeout(resolve, HTTP_LIMITS.headersTimeoutMs + 2 * HTTP_LIMITS.connectionsCheckingIntervalMs + 500));
      expect(slow.closedAt).toBeDefined();
      expect(slow.closedAt ?? Infinity).toBeLessThan(HTTP_LIMITS.headersTimeoutMs + 2 * HTTP_LIMITS.connectionsCheckingIntervalMs + 200);
    } finally {
      slow.stop();
    }
  }, 10_000);
});
