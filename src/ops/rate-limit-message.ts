import type { Language } from "../core/answer-schema.js";

/**
 * The short, polite note a rate-limited user sees (ephemerally), in their language, with when to
 * try again. Shared by both adapters so Slack and Discord say the same thing.
 */
export function rateLimitMessage(retryAfterMs: number, language: Language): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (language === "fr") {
    return `Vous posez beaucoup de questions en peu de temps : merci de réessayer dans ${seconds} seconde${seconds === 1 ? "" : "s"}.`;
  }
  return `You are asking a lot of questions in a short time: please try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}
