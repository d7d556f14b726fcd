import { expect } from "vitest";
import { z } from "zod";

/** Reads posted Block Kit back into what a person would see, for assertions on real content. */

const TextSchema = z.object({ type: z.string(), text: z.string() });
const ElementSchema = z.looseObject({
  type: z.string(),
  text: z.union([TextSchema, z.string()]).optional(),
  action_id: z.string().optional(),
  value: z.string().optional(),
});
const BlockSchema = z.looseObject({
  type: z.string(),
  block_id: z.string().optional(),
  text: TextSchema.optional(),
  elements: z.array(ElementSchema).optional(),
});
export const MessageSchema = z.looseObject({
  text: z.string().optional(),
  blocks: z.array(BlockSchema),
  response_type: z.string().optional(),
  replace_original: z.union([z.boolean(), z.string()]).optional(),
  delete_original: z.union([z.boolean(), z.string()]).optional(),
  thread_ts: z.string().optional(),
  channel: z.string().optional(),
});
export type PostedMessage = z.infer<typeof MessageSchema>;
export type PostedBlock = z.infer<typeof BlockSchema>;

export function asMessage(value: unknown): PostedMessage {
  return MessageSchema.parse(typeof value === "string" ? JSON.parse(value) : value);
}

/** What the bot posted (chat.postMessage calls, as recorded by a fake Slack) in one thread of one channel. */
export function postedInThread(calls: readonly { readonly body: unknown }[], channel: string, threadTs: string): PostedMessage[] {
  return calls.map((call) => asMessage(call.body)).filter((message) => message.channel === channel && message.thread_ts === threadTs);
}

/** Every text of a message, block by block, one line per text object. */
export function visibleText(message: PostedMessage): string {
  const lines: string[] = [];
  for (const block of message.blocks) {
    if (block.text) lines.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === "string") lines.push(element.text);
      else if (element.text) lines.push(element.text.text);
    }
  }
  return lines.join("\n");
}

export interface PostedButton {
  readonly actionId: string;
  readonly label: string;
  readonly value: string;
}

export function buttons(message: PostedMessage): PostedButton[] {
  return message.blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === "button")
    .map((element) => ({
      actionId: element.action_id ?? "",
      label: typeof element.text === "object" ? element.text.text : "",
      value: element.value ?? "",
    }));
}

/** Bidi controls and zero-width characters: nothing the bot shows may carry one. */
export const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/;

/** Every text object of a message with its type (mrkdwn, plain_text), wherever it sits in the blocks. */
export function textObjects(message: PostedMessage): { type: string; text: string }[] {
  const found: { type: string; text: string }[] = [];
  for (const block of message.blocks) {
    if (block.text) found.push(block.text);
    for (const element of block.elements ?? []) {
      // A context element is itself a text object; a button holds one.
      if (typeof element.text === "string") found.push({ type: element.type, text: element.text });
      else if (element.text) found.push(element.text);
    }
  }
  return found;
}

/**
 * Fails unless no mrkdwn text of `message` contains any of `pieces` (formatting runs, links taken
 * from a question), no text at all carries an invisible control, and `shown` is in a plain_text
 * element: the question is still echoed, as plain text.
 */
export function expectEchoedAsPlainText(message: PostedMessage, pieces: readonly string[], shown: string): void {
  const all = textObjects(message);
  for (const { text } of all.filter((t) => t.type === "mrkdwn")) {
    for (const piece of pieces) expect(text, `mrkdwn text carrying ${JSON.stringify(piece)}`).not.toContain(piece);
  }
  for (const { text } of all) expect(text).not.toMatch(INVISIBLE_CONTROLS);
  expect(all.filter((t) => t.type === "plain_text").map((t) => t.text).join("\n")).toContain(shown);
}
