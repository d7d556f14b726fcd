import { z } from "zod";
import type { Answer } from "../src/index.js";

/** A line of an evaluation set (../shared/eval/README.md). */
export const CaseSchema = z.object({
  q: z.string(),
  lang: z.enum(["fr", "en"]).nullable().optional(),
  expect: z.union([z.literal("unknown"), z.array(z.array(z.string()))]),
});
export type Case = z.infer<typeof CaseSchema>;

const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’‘`]/g, "'").toLowerCase();

/** The rule of ../shared/eval/score.mjs: every group has an alternative in the answer; short ones as whole words. */
export function isRight(item: Case, answer: Answer): boolean {
  if (item.expect === "unknown") return answer.status !== "answered";
  if (answer.status !== "answered") return false;
  const text = fold(answer.answer);
  return item.expect.every((group) =>
    group.some((alternative) => {
      const a = fold(alternative);
      if (a.length > 3) return text.includes(a);
      const escaped = a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u").test(text);
    }),
  );
}

const ConversationLineSchema = z.object({ conversation: z.string().min(1), question: z.string() });

/** A `{"conversation": id, "question": text}` line of a dialogue set, or undefined for a plain question. */
export function readConversationLine(q: string): z.infer<typeof ConversationLineSchema> | undefined {
  if (!q.trimStart().startsWith("{")) return undefined;
  try {
    const parsed = ConversationLineSchema.safeParse(JSON.parse(q));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
