import { z } from "zod";
import type { Logger } from "../../../src/index.js";
import { factButtonFromValue, questionFromButton, type FactButton } from "../blocks.js";

/** The fields of a block_actions payload our buttons rely on. */
export const ButtonPressSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  response_url: z.url({ protocol: /^https?$/ }),
  container: z
    .object({ is_ephemeral: z.boolean().optional(), channel_id: z.string().min(1).optional(), thread_ts: z.string().min(1).optional() })
    .optional(),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().min(1).max(2000) }))
    .min(1),
});
export type ButtonPress = z.infer<typeof ButtonPressSchema>;

/** A press on a button that stands for a fact: the press, its fact (when the value carries one) and its question. */
export interface FactButtonPress {
  readonly press: ButtonPress;
  readonly action: ButtonPress["actions"][number];
  /** Undefined for buttons posted before buttons carried fact ids: their value is the question. */
  readonly button: FactButton | undefined;
  readonly question: string;
}

/** Reads a fact button's press; logs and returns undefined for a payload of unexpected shape. */
export function readFactButtonPress(body: unknown, logger: Logger, what: string): FactButtonPress | undefined {
  const parsed = ButtonPressSchema.safeParse(body);
  const action = parsed.success ? parsed.data.actions[0] : undefined;
  if (!parsed.success || action === undefined) {
    logger.warn(`ignoring a ${what} button press of unexpected shape`);
    return undefined;
  }
  const button = factButtonFromValue(action.value);
  const question = button === undefined ? questionFromButton(action.value) : (button.question ?? "");
  return { press: parsed.data, action, button, question };
}
