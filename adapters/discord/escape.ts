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

/**
 * Cuts text to one of Discord's length limits, ending with "…". Lengths are counted in UTF-16
 * code units, as discord.js's builders check them (at least as strict as Discord's own count of
 * characters), and a surrogate pair is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not keep half of a pair
  return `${text.slice(0, end).trimEnd()}…`;
}
