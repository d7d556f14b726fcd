import { setTimeout as sleep } from "node:timers/promises";

/**
 * Sending one reply to a platform, at most once: a failed send is retried only when the failure
 * proves nothing was posted, and a reply has a few seconds in all. Each adapter says what its
 * platform's failures prove (`classify`); this is the same loop for both.
 */

/**
 * What a failed send proves. `no`: the platform refused it or was never reached (connection
 * refused, 429, a 5xx answer), so nothing was posted; it may be retried (`retry`) or apologized for.
 * `maybe`: it may have reached the platform (a timeout, a connection cut mid-way); it must not be
 * sent again, and an apology could contradict an answer that is there.
 */
export type SendFailure =
  | { readonly delivered: "no"; readonly retry: boolean; readonly retryAfterMs?: number }
  | { readonly delivered: "maybe" };

/**
 * A whole reply (the answer, its retries, and an apology if it comes to that) gets this long. A
 * reply later than that reads as no reply, and before this budget one slow API made one mention
 * post six messages, and one 429 with Retry-After 30 kept a mention busy for 181 s.
 */
export const REPLY_BUDGET_MS = 5_000;

/** The pause before retrying a failure that proved nothing was posted, unless the platform names one. */
const RETRY_PAUSE_MS = 250;

/** When a reply's time runs out; shared by the answer and the apology that may follow it. */
export interface ReplyBudget {
  /** In performance.now() milliseconds. */
  readonly deadline: number;
}

export function replyBudget(ms: number = REPLY_BUDGET_MS): ReplyBudget {
  return { deadline: performance.now() + ms };
}

/** A send that failed for good; `delivered` says whether it may still have been posted. */
export class DeliveryError extends Error {
  readonly code = "DELIVERY_FAILED";
  constructor(
    readonly delivered: "no" | "maybe",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}

/**
 * Whether a failed send may still have been posted: then it is not sent again, and no apology
 * follows it (it could sit right under the answer). Any other failure may be apologized for.
 */
export function mayHaveBeenPosted(error: unknown): boolean {
  return error instanceof DeliveryError && error.delivered === "maybe";
}

class OutOfTime extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new OutOfTime());
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Runs `send` until it succeeds, retrying only failures that `classify` says posted nothing and
 * asked for a retry, and only while the budget lasts. Throws a DeliveryError otherwise: `maybe`
 * when the last attempt may have been posted (or was still running when the time ran out).
 */
export async function sendOnce<T>(send: () => Promise<T>, classify: (error: unknown) => SendFailure, budget: ReplyBudget): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const remaining = budget.deadline - performance.now();
    if (remaining <= 0) throw new DeliveryError("no", "no time left in this reply's budget; not sent");
    try {
      return await withDeadline(send(), remaining);
    } catch (error) {
      if (error instanceof OutOfTime) {
        throw new DeliveryError("maybe", `no answer within the reply's budget (attempt ${attempt}); not sent again`);
      }
      const failure = classify(error);
      if (failure.delivered === "maybe") {
        throw new DeliveryError("maybe", `the send may have been posted (attempt ${attempt}); not sent again`, { cause: error });
      }
      const pause = failure.retryAfterMs ?? RETRY_PAUSE_MS;
      if (!failure.retry || performance.now() + pause >= budget.deadline) {
        throw new DeliveryError("no", `the platform refused the send or could not be reached (attempt ${attempt})`, { cause: error });
      }
      await sleep(pause);
    }
  }
}

const REFUSED_CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Whether an error, or one of its causes, says no connection was ever made (refused, or no such
 * host): fetch reports these as `TypeError: fetch failed` with the system error as its cause.
 */
export function neverConnected(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  if ("code" in error && typeof error.code === "string" && REFUSED_CONNECTION_CODES.has(error.code)) return true;
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every((inner: unknown) => neverConnected(inner, depth + 1));
  }
  return "cause" in error && neverConnected(error.cause, depth + 1);
}
