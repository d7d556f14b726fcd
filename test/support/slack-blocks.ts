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
