import { z } from "zod";

/** The fields of a block_actions payload our buttons rely on. */
export const ButtonPressSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  response_url: z.url({ protocol: /^https?$/ }),
  container: z.object({ is_ephemeral: z.boolean().optional() }).optional(),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().min(1).max(2000) }))
    .min(1),
});
export type ButtonPress = z.infer<typeof ButtonPressSchema>;
