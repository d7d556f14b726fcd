import { ErrorCode as BoltErrorCode, webApi } from "@slack/bolt";
import { neverConnected, sendOnce, type ReplyBudget, type SendFailure } from "../../src/index.js";

/**
 * One Web API call or response_url POST. chat.postMessage answers in well under a second; one
 * still running after 3 s is stuck, and the reply's budget (REPLY_BUDGET_MS) must leave room for
 * an apology after a refusal.
 */
export const SLACK_CALL_TIMEOUT_MS = 3_000;

/**
 * fetch with SLACK_CALL_TIMEOUT_MS, for Bolt's clientOptions: the WebClient has a timeout of its
 * own, but respond() (Bolt's POST to a response_url, with the same fetch) has none.
 */
export const fetchWithTimeout: webApi.FetchFunction = (url, init) => {
  const timeout = AbortSignal.timeout(SLACK_CALL_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(url, { ...init, signal });
};

function statusOf(error: object): number | undefined {
  return "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : undefined;
}

/**
 * What a failed Slack send proves (see SendFailure). Slack answered: `ok: false` (nothing posted,
 * not worth repeating), 429 (nothing posted; again after Retry-After), another HTTP status (5xx
 * again at once). Slack never reached: connection refused or no such host (again). Anything else,
 * a timeout or a connection cut, may have been posted.
 */
export function classifySlackFailure(error: unknown): SendFailure {
  if (typeof error !== "object" || error === null) return { delivered: "maybe" };
  const code = "code" in error ? error.code : undefined;
  if (code === webApi.ErrorCode.PlatformError) return { delivered: "no", retry: false };
  if (code === webApi.ErrorCode.RateLimitedError) {
    const seconds = "retryAfter" in error && typeof error.retryAfter === "number" ? error.retryAfter : 1;
    return { delivered: "no", retry: true, retryAfterMs: seconds * 1000 };
  }
  if (code === webApi.ErrorCode.HTTPError || code === BoltErrorCode.RespondError) {
    const status = statusOf(error) ?? 0;
    return { delivered: "no", retry: status === 429 || status >= 500 };
  }
  if (neverConnected(error)) return { delivered: "no", retry: true };
  return { delivered: "maybe" };
}

/**
 * Sends one message to Slack (a Web API call or a respond()) at most once, within `budget`: see
 * sendOnce. Throws a DeliveryError saying whether it may still have been posted.
 */
export function sendToSlack<T>(send: () => Promise<T>, budget: ReplyBudget): Promise<T> {
  return sendOnce(send, classifySlackFailure, budget);
}
