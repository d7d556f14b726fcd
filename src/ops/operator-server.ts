import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { healthStatusCode, type HealthReport } from "./health.js";
import { createLimitedServer } from "./http-limits.js";
import type { OpsMetrics } from "./metrics.js";

export const HEALTH_PATH = "/healthz";
export const METRICS_PATH = "/metrics";

/** The operator endpoints a server or a set of routes carries. */
export type OperatorEndpoint = "health" | "metrics";
export const ALL_OPERATOR_ENDPOINTS: readonly OperatorEndpoint[] = ["health", "metrics"];

export interface OperatorEndpointsOptions {
  /** Called on every GET /healthz, so it sees adapters created after the routes were. */
  readonly health: () => HealthReport;
  readonly metrics: Pick<OpsMetrics, "render" | "contentType">;
  readonly logger?: Pick<Logger, "error">;
  /** When set (METRICS_TOKEN), GET /metrics answers only `Authorization: Bearer <token>`. */
  readonly metricsToken?: string | undefined;
}

/**
 * One operator route, shaped like an entry of Bolt's `customRoutes` (HTTPReceiver and
 * SocketModeReceiver), so the Slack adapter can serve it on its own port without this file
 * importing Bolt. The handler is a plain node:http one.
 */
export interface OperatorRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

export function healthHandler(options: OperatorEndpointsOptions): OperatorRoute["handler"] {
  return (_req, res) => {
    let report: HealthReport;
    try {
      report = options.health();
    } catch (error) {
      options.logger?.error({ err: error }, "health check failed");
      send(res, 503, "application/json; charset=utf-8", JSON.stringify({ status: "degraded", error: "health check failed" }));
      return;
    }
    send(res, healthStatusCode(report), "application/json; charset=utf-8", JSON.stringify(report));
  };
}

/** Compares digests, so neither the time taken nor the lengths say how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether a request may read /metrics: always without METRICS_TOKEN, else with `Bearer <token>`. */
function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ") !== true) return false;
  return sameSecret(header.slice("Bearer ".length).trim(), token);
}

export function metricsHandler(options: OperatorEndpointsOptions): OperatorRoute["handler"] {
  return (req, res) => {
    if (!mayReadMetrics(req, options.metricsToken)) {
      res.setHeader("www-authenticate", 'Bearer realm="metrics"');
      send(res, 401, "text/plain; charset=utf-8", "metrics need Authorization: Bearer <METRICS_TOKEN>\n");
      return;
    }
    options.metrics.render().then(
      (text) => {
        send(res, 200, options.metrics.contentType, text);
      },
      (error: unknown) => {
        options.logger?.error({ err: error }, "rendering metrics failed");
        send(res, 500, "text/plain; charset=utf-8", "metrics unavailable\n");
      },
    );
  };
}

/**
 * GET /healthz and GET /metrics (or those of `endpoints`) as Bolt-style custom routes:
 * `customRoutes: operatorRoutes(...)`.
 */
export function operatorRoutes(
  options: OperatorEndpointsOptions,
  endpoints: readonly OperatorEndpoint[] = ALL_OPERATOR_ENDPOINTS,
): OperatorRoute[] {
  const routes: OperatorRoute[] = [];
  if (endpoints.includes("health")) routes.push({ path: HEALTH_PATH, method: ["GET"], handler: healthHandler(options) });
  if (endpoints.includes("metrics")) routes.push({ path: METRICS_PATH, method: ["GET"], handler: metricsHandler(options) });
  return routes;
}

export interface OperatorServerOptions extends OperatorEndpointsOptions {
  /** 0 picks a free port (tests); read the real one from `port` once started. */
  readonly port: number;
  /** Default: every interface, like Slack's HTTP receiver. */
  readonly host?: string;
  /** Which endpoints this server carries (default both; METRICS_PORT puts /metrics on a server of its own). */
  readonly endpoints?: readonly OperatorEndpoint[];
}

export interface OperatorServer {
  /** The port actually listened on. */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the operator routes on their own node:http server (with HTTP_LIMITS), for when Slack's
 * HTTP mode (which would carry them on the same PORT) is not running, and for METRICS_PORT.
 */
export async function startOperatorServer(options: OperatorServerOptions): Promise<OperatorServer> {
  const routes = operatorRoutes(options, options.endpoints);
  const server = createLimitedServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes.find((r) => r.path === path);
    if (route === undefined) {
      send(res, 404, "text/plain; charset=utf-8", "not found\n");
    } else if (!route.method.includes(req.method ?? "")) {
      res.setHeader("allow", route.method.join(", "));
      send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
    } else {
      route.handler(req, res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const onListening = (): void => {
      server.off("error", reject);
      resolve();
    };
    if (options.host === undefined) server.listen(options.port, onListening);
    else server.listen(options.port, options.host, onListening);
  });
  server.on("error", (error) => options.logger?.error({ err: error }, "operator server error"));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
