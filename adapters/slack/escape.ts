export { truncate } from "../../src/index.js";
/**
 * Slack's message text is its own markup: `<@U123>` pings a user, `<!channel>` pings a whole channel,
 * and `&`, `<`, `>` are control characters. Text typed by users comes in that markup; this module turns
 * it into a plain question for the core and escapes anything echoed back, so that a question can never
 * make the bot ping anyone.
 */

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Reverses Slack's own escaping of `&`, `<` and `>` in the text it sends us. */
export function decodeEntities(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

// `<target>` or `<target|label>`: users, channels, special mentions, dates and links.
const SLACK_TOKEN = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/**
 * Turns Slack markup into what the user saw on screen: `<@U1|ada>` → `@ada`, `<!channel>` → `@channel`,
 * `<https://x|docs>` → `docs`. Mentions of `removeUserId` (the bot itself) are dropped entirely.
 */
export function slackTextToPlain(text: string, removeUserId?: string): string {
  const plain = text.replace(SLACK_TOKEN, (_token, target: string, label: string | undefined) => {
    if (target.startsWith("@")) {
      const userId = target.slice(1);
      if (removeUserId !== undefined && userId === removeUserId) return " ";
      return label === undefined ? "" : `@${label.replace(/^@/, "")}`;
    }
    if (target.startsWith("#")) return label === undefined ? "" : `#${label.replace(/^#/, "")}`;
    if (target.startsWith("!")) {
      if (label !== undefined) return label;
      const keyword = target.slice(1).split("^")[0] ?? "";
      return ["channel", "here", "everyone"].includes(keyword) ? `@${keyword}` : "";
    }
    return label ?? target;
  });
  return decodeEntities(plain).replace(/\s+/g, " ").trim();
}

/**
 * Escapes `text` and shortens it so that the escaped result is at most `max` characters: escaping
 * can make text five times longer (`&` → `&amp;`), and Slack rejects a whole message over a limit.
 * Never cuts an entity in half.
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let out = "";
  for (const char of text) {
    const next = escapeText(char);
    if (out.length + next.length > max - 1) break;
    out += next;
  }
  return `${out.trimEnd()}…`;
}
