/**
 * The chat platforms the bot answers on. A leaf module on purpose: the conversation service, the
 * adapter interface and the operations code all name platforms, and taking the name from here
 * keeps their types free of import cycles.
 */
export type Platform = "slack" | "discord";

/** Every platform, for what must exist per platform before the first question (metric series). */
export const PLATFORMS: readonly Platform[] = ["slack", "discord"];
