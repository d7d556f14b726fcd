import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { HTTPReceiverDeferredRequestError, verifySlackRequest, type HTTPReceiver } from "@slack/bolt";
import { z } from "zod";
import { HTTP_LIMITS, refuse, sampledWarning, type Logger, type RejectionReason } from "../../src/index.js";

/**
 * Slack's rule for its signed requests: dated more than 5 minutes from now, either way, is refused.
 * Bolt checks only the past, so a request signed once for a moment in the future would replay.
 */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Under a flood of forged requests, one log line per reason and minute; the metric counts each. */
const REJECTION_LOG_INTERVAL_MS = 60_000;

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/** Every JSON body Slack sends (events, url_verification) and every interactive payload has a type. */
const EnvelopeSchema = z.looseObject({ type: z.string().min(1) });

export interface SlackRequestGuardOptions {
  /** Bolt's receiver: it handles what passes the guard, and the custom routes (health, metrics). */
  readonly receiver: Pick<HTTPReceiver, "requestListener">;
  /** Where Slack posts (the Request URL's path). */
  readonly eventsPath: string;
  readonly signingSecret: string;
  readonly logger: Logger;
  /** Counts a refused request (in rejected_requests_total). */
  readonly onRejected: (reason: RejectionReason) => void;
  readonly bodyLimitBytes?: number;
  /** The clock in milliseconds, for tests. */
  readonly now?: () => number;
}

type BodyRead = { readonly kind: "body"; readonly body: Buffer } | { readonly kind: "too_large" } | { readonly kind: "aborted" };

/** Reads a request body, giving up as soon as it passes `limit` bytes (nothing more is buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ kind: "too_large" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      finish({ kind: "body", body: Buffer.concat(chunks, size) });
    });
    req.once("error", () => {
      finish({ kind: "aborted" });
    });
    req.once("close", () => {
      finish({ kind: "aborted" });
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Why a correctly signed body is of no shape Slack sends, or undefined when it is one: a JSON
 * envelope with a type, or a form holding a slash command, an interactive `payload` or an
 * ssl_check, each field once. Bolt would otherwise throw on some of these (a JSON `null`, a field
 * sent twice) and leave the request unanswered.
 */
export function malformedBody(body: Buffer, contentType: string | undefined): string | undefined {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const text = body.toString("utf8");
  if (mediaType === "application/json") {
    return EnvelopeSchema.safeParse(parseJson(text)).success ? undefined : "a JSON body that is not an object with a type";
  }
  if (mediaType !== "application/x-www-form-urlencoded") return "a content type Slack does not send";
  const form = new URLSearchParams(text);
  const names = [...form.keys()];
  if (new Set(names).size !== names.length) return "a form field sent more than once";
  const payload = form.get("payload");
  if (payload !== null) {
    return EnvelopeSchema.safeParse(parseJson(payload)).success ? undefined : "a payload that is not an object with a type";
  }
  if (form.get("ssl_check") === "1") return undefined;
  const command = form.get("command");
  return command === null || command === "" ? "a form with neither a command, a payload nor an ssl_check" : undefined;
}

/** The request's path; undefined for a request line no URL parser accepts. */
function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

/** The one value of a header, or undefined when it is missing or repeated. */
function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * The request listener of Slack's HTTP mode, in front of Bolt's. For POSTs to the events path it
 * checks, in order and as cheaply as possible: the timestamp header (present, within 5 minutes of
 * now either way) and the signature header's format, then the declared length, all before reading
 * a byte of the body; then reads the body up to the limit, verifies the signature (with Bolt's
 * verifySlackRequest) and the body's shape. Only then does Bolt see the request, with the body
 * already read (Bolt uses a `rawBody` it finds). Every refusal is answered at once and closes the
 * connection. Other paths go to Bolt as they are (the custom routes, or a 404).
 */
export function slackRequestListener(options: SlackRequestGuardOptions): RequestListener {
  const limit = options.bodyLimitBytes ?? HTTP_LIMITS.bodyLimitBytes;
  const now = options.now ?? Date.now;
  const warnings = new Map<RejectionReason, (details: Record<string, unknown>) => void>();

  function reject(res: ServerResponse, reason: RejectionReason, status: number, problem: string): void {
    options.onRejected(reason);
    let warn = warnings.get(reason);
    if (warn === undefined) {
      warn = sampledWarning({ logger: options.logger, message: "refused a Slack request", intervalMs: REJECTION_LOG_INTERVAL_MS, now });
      warnings.set(reason, warn);
    }
    warn({ reason, problem });
    refuse(res, status);
  }

  function toBolt(req: IncomingMessage, res: ServerResponse): void {
    try {
      options.receiver.requestListener(req, res);
    } catch (error) {
      if (error instanceof HTTPReceiverDeferredRequestError) {
        refuse(res, 404, "not found\n");
        return;
      }
      options.logger.error({ err: error, path: req.url }, "the Slack receiver failed on a request");
      refuse(res, 500);
    }
  }

  async function guardEvent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const timestamp = singleHeader(req, "x-slack-request-timestamp");
    if (timestamp === undefined || !TIMESTAMP.test(timestamp)) {
      reject(res, "timestamp", 401, "no X-Slack-Request-Timestamp");
      return;
    }
    if (Math.abs(Math.floor(now() / 1000) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      reject(res, "timestamp", 401, "X-Slack-Request-Timestamp more than 5 minutes from now");
      return;
    }
    const signature = singleHeader(req, "x-slack-signature");
    if (signature === undefined || !SIGNATURE.test(signature)) {
      reject(res, "signature", 401, "no X-Slack-Signature of the v0 form");
      return;
    }
    const declaredLength = Number(singleHeader(req, "content-length") ?? 0);
    if (declaredLength > limit) {
      reject(res, "too_large", 413, `a body declared over ${limit} bytes`);
      return;
    }

    const read = await readBody(req, limit);
    if (read.kind === "aborted") return; // the client went away; nothing to answer
    if (read.kind === "too_large") {
      reject(res, "too_large", 413, `a body over ${limit} bytes`);
      return;
    }
    try {
      verifySlackRequest({
        signingSecret: options.signingSecret,
        body: read.body.toString("utf8"),
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
        nowMilliseconds: now(),
      });
    } catch {
      reject(res, "signature", 401, "a signature that does not match the body");
      return;
    }
    const problem = malformedBody(read.body, req.headers["content-type"]);
    if (problem !== undefined) {
      reject(res, "malformed", 400, problem);
      return;
    }
    toBolt(Object.assign(req, { rawBody: read.body }), res);
  }

  return (req, res) => {
    if (pathOf(req) === options.eventsPath && req.method === "POST") {
      guardEvent(req, res).catch((error: unknown) => {
        options.logger.error({ err: error }, "checking a Slack request failed");
        refuse(res, 500);
      });
      return;
    }
    toBolt(req, res);
  };
}
