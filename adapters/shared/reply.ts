/** Where a reply failed: making it (a bug), sending it, or sending the apology after that. */
export type ReplyStage = "composing" | "sending" | "apologizing";

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
