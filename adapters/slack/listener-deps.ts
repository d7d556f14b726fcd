import { detectLanguage, type Answerer, type Conversation, type Language, type Logger } from "../../src/index.js";
import type { RecentKeys } from "./dedupe.js";

/** What every listener needs besides Bolt's own arguments; built once in app.ts. */
export interface ListenerDeps {
  /**
   * Topics and pack titles for the help text, and the answer a "Share in channel" press renders
   * again (not a new question); questions go through `conversation`.
   */
  readonly answerer: Answerer;
  /** Every question and vote: the per-user limit, the answer, the log line, metrics and feedback. */
  readonly conversation: Conversation;
  readonly logger: Logger;
  /** Messages already answered, by `channel:ts`, so one message never gets two answers. */
  readonly answeredMessages: RecentKeys;
}

/** The language of a question for an apology, when even that can be worked out. */
export function languageOf(question: string): Language | undefined {
  try {
    return detectLanguage(question);
  } catch {
    return undefined;
  }
}

/** A failure talking to Slack (a reply that could not be sent): logged and counted by the core. */
export function slackError(deps: ListenerDeps, error: unknown, context: Record<string, unknown> = {}): void {
  deps.conversation.platformError("slack", error, context);
}
