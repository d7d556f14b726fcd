import type { Logger } from "../../src/index.js";

/** Where a reply failed: making it (a bug), sending it, or sending the apology after that. */
export type ReplyStage = "composing" | "sending" | "apologizing";

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
}

/**
 * Sends the reply to one question, or an apology when composing or sending it fails, so nobody is
 * left without a word. Never rejects: an apology that cannot be sent either is reported and given
 * up on. Resolves to whether the reply itself (not the apology) was sent.
 */
export async function replyOrApologize<Message>(attempt: ReplyAttempt<Message>): Promise<boolean> {
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
    await attempt.send(message);
    return composed;
  } catch (error) {
    attempt.failed(error, composed ? "sending" : "apologizing");
    if (!composed) return false;
  }
  try {
    await attempt.send(attempt.apology());
  } catch (error) {
    attempt.failed(error, "apologizing");
  }
  return false;
}
