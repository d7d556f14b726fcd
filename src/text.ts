/**
 * Shortens `text` to at most `max` UTF-16 units (what Slack and Discord count), ending with "…",
 * without splitting a surrogate pair: an emoji is kept whole or dropped, never cut in half.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not keep half of a pair
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Characters that change how the text around them is shown without being seen themselves: bidi
 * controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C: a right-to-left override makes a
 * message read backwards from there on) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF:
 * hidden inside words, they make text look like what it is not).
 */
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;

/** `text` without bidi controls and zero-width characters: what a bot echoes of a user's text. */
export function removeInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, "");
}
