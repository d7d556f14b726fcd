import {
  App,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
  type AnyMiddlewareArgs,
  type AllMiddlewareArgs,
  type CustomRoute,
  type webApi,
} from "@slack/bolt";
import { z } from "zod";
import { HTTP_LIMITS, type AdapterContext } from "../../src/index.js";
import * as actions from "./actions/index.js";
import { toBoltLogger } from "./bolt-logger.js";
import * as commands from "./commands/index.js";
import type { SlackConfig } from "./config.js";
import { InFlight } from "../shared/in-flight.js";
import { createSeenKeys, type SeenKeys } from "./dedupe.js";
import { fetchWithTimeout, SLACK_CALL_TIMEOUT_MS } from "./delivery.js";
import * as events from "./events/index.js";
import type { ListenerDeps } from "./listener-deps.js";
import * as shortcuts from "./shortcuts/index.js";

/** Where Slack sends commands, events and actions in HTTP mode (the Request URL in the manifest). */
export const EVENTS_PATH = "/slack/events";

export interface SlackAppParts {
  readonly app: App;
  readonly receiver: HTTPReceiver | SocketModeReceiver;
  readonly inFlight: InFlight;
}

export interface SlackAppOptions {
  readonly customRoutes?: readonly CustomRoute[];
}

const EventEnvelopeSchema = z.object({ event_id: z.string().min(1) });

/**
 * Slack re-delivers an event it thinks was not acknowledged (x-slack-retry-num over HTTP,
 * retry_attempt over Socket Mode), with the same event_id, to whichever instance the load
 * balancer picks. Only the first delivery gets through, on any instance sharing the Redis.
 */
function skipRedeliveredEvents(seenEvents: SeenKeys, deps: ListenerDeps) {
  return async function skipRedelivered({ body, next }: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (envelope.success && !(await seenEvents.firstSighting(envelope.data.event_id))) {
      deps.logger.info({ eventId: envelope.data.event_id }, "ignoring a redelivered Slack event");
      return;
    }
    await next();
  };
}

function trackInFlight(inFlight: InFlight) {
  return async function tracked({ next }: AllMiddlewareArgs): Promise<void> {
    const done = inFlight.begin();
    try {
      await next();
    } finally {
      done();
    }
  };
}

/** Builds the Bolt app and its receiver, with every listener registered; nothing is started yet. */
export function createSlackApp(config: SlackConfig, context: AdapterContext, options: SlackAppOptions = {}): SlackAppParts {
  const logger = context.logger;
  const boltLogger = toBoltLogger(logger.child({ component: "bolt" }));
  const customRoutes = [...(options.customRoutes ?? [])];
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
    // No retries in the client: it would send again after a timeout, when the first message may
    // well have been posted (one slow API, six posts). Replies retry in delivery.ts, only after a
    // failure that proves nothing was posted, within the reply's few seconds.
    retryConfig: { retries: 0 },
    // A 429 comes back at once with its Retry-After, rather than the client silently waiting it out.
    rejectRateLimitedCalls: true,
    timeout: SLACK_CALL_TIMEOUT_MS,
    fetch: fetchWithTimeout,
  };

  const receiver =
    config.mode === "http"
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: EVENTS_PATH,
          customRoutes,
          logger: boltLogger,
          port: config.port,
          // http-server.ts reads bodies (to this limit) before Bolt does; the same limit here, should Bolt read one.
          bodyLimit: HTTP_LIMITS.bodyLimitBytes,
        })
      : new SocketModeReceiver({
          appToken: config.appToken,
          logger: boltLogger,
          customRoutes,
          // Socket Mode opens its connection through apps.connections.open, so it needs the API URL
          // too; `port` is where the custom routes (health, metrics) listen.
          installerOptions: { port: config.port, clientOptions },
        });

  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    logLevel: LogLevel.WARN,
    clientOptions,
    // auth.test runs in start() instead of the constructor, so a bad token fails the start, loudly.
    deferInitialization: true,
    // Bolt's conversation store keeps per-conversation state we never use; skipping it keeps the
    // instances stateless and saves a lookup per request.
    convoStore: false,
  });

  const inFlight = new InFlight();
  const deps: ListenerDeps = {
    conversation: context.conversation,
    logger,
    answeredMessages: createSeenKeys({ kind: "message", redis: context.redis }),
    threadFollowUps: config.threadFollowUps,
  };
  app.use(trackInFlight(inFlight));
  app.use(skipRedeliveredEvents(createSeenKeys({ kind: "event", redis: context.redis }), deps));
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  shortcuts.register(app, deps);
  app.error((error) => {
    logger.error({ err: error }, "unhandled error in a Slack listener");
    return Promise.resolve();
  });
  return { app, receiver, inFlight };
}
