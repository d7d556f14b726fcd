import type { Server } from "node:http";
import { HTTPReceiver, SocketModeReceiver, type CustomRoute } from "@slack/bolt";
import { createLimitedServer, redactSecrets, type AdapterContext, type PlatformAdapter } from "../../src/index.js";
import { createSlackApp, EVENTS_PATH } from "./app.js";
import { isSlackConfigured, loadSlackConfig, secretsOf, SlackConfigError, type SlackConfig } from "./config.js";
import { slackRequestListener } from "./http-server.js";

export { isSlackConfigured, loadSlackConfig, SlackConfigError };
export type { SlackConfig };
export { EVENTS_PATH };

export interface SlackAdapterOptions {
  /** Where the SLACK_* variables and PORT are read from; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Extra HTTP routes on the same port, such as GET /healthz and /metrics (Bolt's CustomRoute). */
  readonly customRoutes?: readonly CustomRoute[];
  /** The interface the HTTP mode listens on; defaults to all of them. Tests use 127.0.0.1. */
  readonly host?: string;
}

export interface SlackAdapter extends PlatformAdapter {
  readonly platform: "slack";
  readonly mode: SlackConfig["mode"];
  /** The HTTP port actually listened on once started (PORT=0 picks a free one); undefined otherwise. */
  port(): number | undefined;
  /** Resolves once no command, event or action is being processed. */
  idle(): Promise<void>;
}

export class SlackStartError extends Error {
  readonly code = "SLACK_START_FAILED";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SlackStartError";
  }
}

/**
 * app/main.ts gives all adapters together 4.5 s from SIGTERM, then flushes the feedback file and
 * exits; every adapter's stop() is to finish within 3 s in the worst case. One deadline covers the
 * whole stop (waiting for a start, draining, closing), with a little room for what follows it.
 */
const STOP_DEADLINE_MS = 2_800;

/** Listens on `port` (and `host` when given); rejects when it cannot (EADDRINUSE). */
function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const listening = (): void => {
      server.off("error", reject);
      resolve();
    };
    if (host === undefined) server.listen(port, listening);
    else server.listen(port, host, listening);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Why auth.test failed: Slack said no to the token, or Slack could not be reached at all. */
function tokenCheckFailure(error: unknown, config: SlackConfig): SlackStartError {
  const code = slackErrorCode(error);
  const rejected =
    typeof error === "object" && error !== null && "code" in error && error.code === "slack_webapi_platform_error";
  if (rejected) {
    return new SlackStartError(
      `Slack rejected SLACK_BOT_TOKEN when checking it with auth.test (${code}); check the bot token and that the app is installed in the workspace`,
    );
  }
  const where = config.apiUrl ?? "https://slack.com/api/";
  return new SlackStartError(
    `could not reach the Slack Web API at ${where} to check SLACK_BOT_TOKEN (${code}); check the network${config.apiUrl === undefined ? "" : " and SLACK_API_URL"}`,
  );
}

/** Slack's error code from a Web API failure ("invalid_auth"), without anything that could hold a token. */
function slackErrorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "data" in error) {
    const data: unknown = error.data;
    if (typeof data === "object" && data !== null && "error" in data && typeof data.error === "string") return data.error;
  }
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return "unknown error";
}

/**
 * The Slack adapter: validates the configuration now (throwing a SlackConfigError that names each bad
 * variable), connects in start(), and in stop() stops accepting, lets in-flight work finish, then closes.
 */
export function createSlackAdapter(context: AdapterContext, options: SlackAdapterOptions = {}): SlackAdapter {
  const config = loadSlackConfig(options.env ?? process.env);
  const logger = context.logger.child({ platform: "slack", mode: config.mode });
  const { app, receiver, inFlight } = createSlackApp(config, { ...context, logger }, {
    ...(options.customRoutes === undefined ? {} : { customRoutes: options.customRoutes }),
  });
  const secrets = secretsOf(config);

  let server: Server | undefined;
  let socketConnected = false;
  let state: "idle" | "starting" | "started" | "stopping" | "stopped" = "idle";
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  if (!(receiver instanceof HTTPReceiver)) {
    receiver.client.on("connected", () => {
      socketConnected = true;
      logger.info("connected to Slack over Socket Mode");
    });
    // The client waits (5 s, then longer) before it says "reconnecting"; the WebSocket's own close
    // is the moment the connection is gone, so health checks see it at once.
    receiver.client.on("close", () => {
      if (socketConnected && state === "started") {
        context.conversation.platformError("slack", new Error("Socket Mode connection lost; reconnecting"), { mode: "socket" });
      }
      socketConnected = false;
    });
    receiver.client.on("reconnecting", () => {
      socketConnected = false;
    });
    receiver.client.on("disconnected", () => {
      socketConnected = false;
    });
  }

  async function startNow(): Promise<void> {
    try {
      await app.init();
    } catch (error) {
      throw tokenCheckFailure(error, config);
    }
    try {
      if (receiver instanceof HTTPReceiver && config.mode === "http") {
        // Bolt's own server has no limits on slow clients or connections; this one is Node's with
        // HTTP_LIMITS, and hands Bolt only the requests that pass the checks in http-server.ts.
        const httpServer = createLimitedServer(
          slackRequestListener({
            receiver,
            eventsPath: EVENTS_PATH,
            signingSecret: config.signingSecret,
            logger,
            onRejected: (reason) => {
              context.conversation.requestRejected("slack", reason);
            },
          }),
        );
        await listen(httpServer, config.port, options.host);
        httpServer.on("error", (error) => {
          logger.error({ err: error }, "Slack HTTP server error");
        });
        server = httpServer;
        logger.info({ port: listeningPort() }, "listening for Slack on HTTP");
      } else if (receiver instanceof SocketModeReceiver) {
        await receiver.start();
      }
    } catch (error) {
      const what =
        config.mode === "http" ? `listen on PORT ${config.port}` : "open a Socket Mode connection (check SLACK_APP_TOKEN)";
      throw new SlackStartError(`the Slack adapter could not ${what}: ${slackErrorCode(error)}`, {
        cause: redactedCause(error, secrets),
      });
    }
  }

  function start(): Promise<void> {
    if (state !== "idle") return Promise.reject(new SlackStartError(`the Slack adapter cannot start: it is ${state}`));
    state = "starting";
    starting = startNow().then(
      () => {
        if (state === "starting") {
          state = "started";
          return;
        }
        // A stop gave up waiting for this start: close what it opened, so nothing keeps listening.
        logger.warn("the Slack adapter finished starting after it was stopped; closing it");
        closeConnections().catch((error: unknown) => {
          logger.warn({ err: error }, "closing a late-started Slack adapter failed");
        });
      },
      (error: unknown) => {
        if (state === "starting") state = "idle";
        throw error;
      },
    );
    return starting;
  }

  function listeningPort(): number | undefined {
    const address = server?.address();
    return typeof address === "object" && address !== null ? address.port : undefined;
  }

  /**
   * Stops accepting: closes the listening socket (and idle keep-alive connections) or the Socket
   * Mode connection. Resolves once closed; never rejects (a failure to close is logged).
   */
  function closeConnections(): Promise<void> {
    if (receiver instanceof HTTPReceiver) {
      const listening = server;
      if (listening === undefined) return Promise.resolve();
      const closed = new Promise<void>((resolve) => listening.close(() => {
        resolve();
      }));
      listening.closeIdleConnections();
      return closed;
    }
    const socketReceiver = receiver;
    // The close handshake first; then stop() also closes the custom routes' HTTP server. The
    // .catch is attached now: a failure after the stop deadline must not be an unhandled rejection.
    return Promise.resolve()
      .then(() => socketReceiver.client.disconnect())
      .then(() => socketReceiver.stop())
      .then(
        () => undefined,
        (error: unknown) => {
          logger.warn({ err: error }, "closing the Socket Mode connection failed");
        },
      );
  }

  async function stopNow(): Promise<void> {
    const deadline = delay(STOP_DEADLINE_MS).then(() => "deadline" as const);
    try {
      // A stop that arrives mid-start waits for the start to settle, so nothing is left listening;
      // a start that outlives the deadline closes itself when it settles (see start()).
      const settled = starting?.then(
        () => "settled" as const,
        () => "settled" as const,
      );
      if (settled !== undefined && (await Promise.race([settled, deadline])) === "deadline") {
        logger.warn("stopped while the Slack adapter was still starting");
        return;
      }
      state = "stopping";
      // 1. Stop accepting.
      const closed = closeConnections().then(() => "closed" as const);
      // 2. Let what was already accepted finish, within the deadline.
      const drained = await Promise.race([inFlight.idle().then(() => "drained" as const), deadline]);
      if (drained === "deadline") logger.warn({ inFlight: inFlight.count }, "stopped with Slack work still in flight");
      // 3. Close what is left: keep-alive connections would otherwise hold the server open for seconds.
      server?.closeAllConnections();
      if ((await Promise.race([closed, deadline])) === "deadline") logger.warn("the Slack connection did not close in time");
    } finally {
      server = undefined;
      socketConnected = false;
      state = "stopped";
      logger.info("Slack adapter stopped");
    }
  }

  return {
    platform: "slack",
    mode: config.mode,
    start,
    stop(): Promise<void> {
      if (state === "idle" || state === "stopped") {
        state = "stopped";
        return Promise.resolve();
      }
      stopping ??= stopNow();
      return stopping;
    },
    isConnected(): boolean {
      if (state !== "started") return false;
      return config.mode === "http" ? server?.listening === true : socketConnected;
    },
    port: listeningPort,
    idle: () => inFlight.idle(),
  };
}

/** A start failure's cause, with every configured secret scrubbed from its message and stack. */
function redactedCause(error: unknown, secrets: readonly string[]): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactSecrets(original.message, secrets));
  copy.name = original.name;
  copy.stack = redactSecrets(original.stack ?? "", secrets);
  return copy;
}
