import { z } from "zod";
import type { ConversationKey } from "../follow-ups.js";

/**
 * A batch line that asks in a conversation: `{"conversation": "<id>", "question": "<text>"}` is
 * answered in the context of the earlier lines with the same id in that run.
 */
export const ConversationLineSchema = z.object({
  conversation: z.string().min(1).max(200),
  question: z.string().max(10_000),
});

export interface BatchQuestion {
  readonly question: string;
  /** The line's conversation id, when it named one. */
  readonly conversation?: string;
}

/**
 * What a batch line asks. Anything but a JSON object of exactly that shape (plain text, JSON of
 * another shape, a broken object) is a question on its own, taken as the line says it.
 */
export function readBatchLine(line: string): BatchQuestion {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{")) return { question: line };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { question: line };
  }
  const parsed = ConversationLineSchema.safeParse(json);
  return parsed.success ? parsed.data : { question: line };
}

/** The key a CLI conversation id is remembered under, apart from every platform's. */
export function cliConversation(id: string): ConversationKey {
  return { key: `cli:${id}` };
}
