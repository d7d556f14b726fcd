import { escapeMarkdown } from "discord.js";
export { truncate } from "../../src/index.js";

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

