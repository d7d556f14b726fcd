import { escapeMarkdown } from "discord.js";
import { removeInvisibleControls, truncate } from "../../src/index.js";
export { truncate };

/**
 * Makes user text safe to echo: bidi controls and zero-width characters are removed (a
 * right-to-left override would make the bot's message read backwards), Discord markdown is
 * escaped so a question cannot restyle the answer, and mass mentions are broken with a zero-width
 * space of our own, so the text reads as typed but could never ping, even if it were one day sent
 * without `allowedMentions`.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(removeInvisibleControls(text))
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/<(@[!&]?|#)(\d+)>/g, "<$1\u200b$2>");
}

