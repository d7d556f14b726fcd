import { DiscordAPIError, HTTPError, RateLimitError, type RESTOptions } from "discord.js";
import { neverConnected, REPLY_BUDGET_MS, sendOnce, type ReplyBudget, type SendFailure } from "../../src/index.js";

/**
 * One REST call. Discord answers a message post in well under a second; one still running after
 * 3 s is stuck (discord.js waits 15 s by default), and the reply's budget must leave room for an
 * apology after a refusal.
 */
export const DISCORD_REST_TIMEOUT_MS = 3_000;

/**
 * discord.js's REST options. No retries inside discord.js: it retries a timeout and a reset
 * connection, when the first message may well have been posted; replies retry in sendToDiscord,
 * only after a failure that proves nothing was posted. A rate limit longer than a reply's budget
 * fails at once instead of holding the reply for as long as Discord says.
 */
export const REST_OPTIONS: Pick<RESTOptions, "retries" | "timeout" | "rejectOnRateLimit"> = {
  retries: 0,
  timeout: DISCORD_REST_TIMEOUT_MS,
  rejectOnRateLimit: (rateLimit) => rateLimit.retryAfter > REPLY_BUDGET_MS,
};

/**
 * What a failed Discord send proves (see SendFailure): a 4xx answer or a rate limit posted
 * nothing (a rate limit may be waited out), a 5xx answer posted nothing (again at once), and so
 * did a connection never made. A timeout or a connection cut may have been posted.
 */
export function classifyDiscordFailure(error: unknown): SendFailure {
  if (error instanceof RateLimitError) return { delivered: "no", retry: true, retryAfterMs: error.retryAfter };
  if (error instanceof DiscordAPIError) return { delivered: "no", retry: false };
  if (error instanceof HTTPError) return { delivered: "no", retry: error.status >= 500 };
  if (neverConnected(error)) return { delivered: "no", retry: true };
  return { delivered: "maybe" };
}

/** Sends one message to Discord at most once, within `budget`: see sendOnce. */
export function sendToDiscord<T>(send: () => Promise<T>, budget: ReplyBudget): Promise<T> {
  return sendOnce(send, classifyDiscordFailure, budget);
}
