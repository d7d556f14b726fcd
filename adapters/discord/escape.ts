import { escapeMarkdown } from "discord.js";

/**
 * Makes user text safe to echo: Discord markdown is escaped so a question cannot restyle the
 * answer, and mass mentions are broken with a zero-width space so the text reads as typed but
 * could never ping, even if it were one day sent without `allowedMentions`.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/<(@[!&]?|#)(\d+)>/g, "<$1\u200b$2>");
}

/** Cuts text to Discord's field limits without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
