import { mayHaveBeenPosted, replyBudget, type Logger, type ReplyBudget } from "../../src/index.js";

/**
 * Where a reply failed: making it (a bug), sending it, sending it with an outcome unknown (it may
 * have been posted: nothing more is sent), or sending the apology after that.
 */
export type ReplyStage = "composing" | "sending" | "uncertain" | "apologizing";

export interface FailureReport {
  readonly logger: Logger;
  /** Counts a failure talking to the platform (`Conversation.platformError`). */
  readonly platformError: (error: unknown, context: Record<string, unknown>) => void;
  /** What was being answered, for the log line: "/ask", "discord: mention"… */
  readonly what: string;
  readonly context: Record<string, unknown>;
  /**
   * Whether composing talks to the platform too (a Discord handler that responds itself), so
   * that its failures are the platform's; otherwise a failure to compose is a bug, only logged.
   */
  readonly composingTalksToPlatform?: boolean;
}

const STAGE_MESSAGES: Record<ReplyStage, string> = {
  composing: "composing the reply failed; apologizing",
  sending: "sending the reply failed; apologizing",
  uncertain: "sending the reply may have failed; not sending it again (it may have been posted)",
  apologizing: "sending the apology failed too",
};

/** The `failed` of a ReplyAttempt: logs each failure with where it happened, and counts the platform's. */
export function reportReplyFailure(report: FailureReport): (error: unknown, stage: ReplyStage) => void {
  return (error, stage) => {
    if (stage !== "composing" || report.composingTalksToPlatform === true) report.platformError(error, { ...report.context, stage });
    const line = { err: error, ...report.context };
    const message = `${report.what}: ${STAGE_MESSAGES[stage]}`;
    if (stage === "apologizing") report.logger.warn(line, message);
    else report.logger.error(line, message);
  };
}

export interface ReplyAttempt<Message> {
  /** Makes the reply; a throw (a bug) is answered with the apology. */
  readonly compose: () => Message | Promise<Message>;
  /** Sends a message to the asker on the platform. */
  readonly send: (message: Message) => Promise<void>;
  /** The apology, in the asker's language when it is known. */
  readonly apology: () => Message;
  /** Told of every failure, with where it happened, to log it and count the platform's failures. */
  readonly failed: (error: unknown, stage: ReplyStage) => void;
  /**
   * The platform's way to send at most once within a budget (`sendToSlack`, `sendToDiscord`): it
   * retries only a failure that proves nothing was posted, and says when a message may have been.
   * Without it, `send` is called once.
   */
  readonly deliver?: (send: () => Promise<void>, budget: ReplyBudget) => Promise<void>;
}

/**
 * Sends the reply to one question, or an apology when composing or sending it fails, so nobody is
 * left without a word — but never a second message when the first may have reached the platform. Never rejects: an apology that cannot be sent either is reported and given
 * up on. Resolves to whether the reply itself (not the apology) was sent.
 */
export async function replyOrApologize<Message>(attempt: ReplyAttempt<Message>): Promise<boolean> {
  // One budget for the whole reply: the answer, and the apology if the answer was refused.
  const budget = replyBudget();
  const send = (message: Message): Promise<void> => (attempt.deliver ? attempt.deliver(() => attempt.send(message), budget) : attempt.send(message));
  let message: Message;
  let composed = true;
  try {
    message = await attempt.compose();
  } catch (error) {
    attempt.failed(error, "composing");
    message = attempt.apology();
    composed = false;
  }
  try {
    await send(message);
    return composed;
  } catch (error) {
    // The platform may have posted it: a second copy, or an apology under the answer, would be wrong.
    if (mayHaveBeenPosted(error)) {
      attempt.failed(error, "uncertain");
      return false;
    }
    attempt.failed(error, composed ? "sending" : "apologizing");
    if (!composed) return false;
  }
  try {
    await send(attempt.apology());
  } catch (error) {
    attempt.failed(error, "apologizing");
  }
  return false;
}
