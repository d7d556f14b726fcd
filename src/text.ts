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
