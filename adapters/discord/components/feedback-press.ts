import { MessageFlags, type ButtonInteraction } from "discord.js";
import { NO_PINGS } from "../allowed-mentions.js";
import type { HandlerDeps } from "../handler-deps.js";
import { UI } from "../../shared/ui-strings.js";
import { localeToLanguage } from "../messages.js";
import type { FeedbackPress } from "./feedback.js";

/**
 * The question an answer was given to, read back from the answer's embed title (where it was
 * echoed escaped): what curators see next to a vote. Undefined when the answer had no title.
 */
export function questionOfAnswer(interaction: ButtonInteraction): string | undefined {
  const title = interaction.message.embeds[0]?.title;
  if (title === undefined || title === null || title === "") return undefined;
  return title
    .replace(/\\([^\p{L}\p{N}\s])/gu, "$1")
    .replace(/([@<][!&#]?)\u200b/g, "$1");
}

/**
 * A press on 👍 / 👎: the presser alone is thanked, in their Discord language, then the vote is
 * recorded (with the fact id from the custom id). Thanked first, because Discord wants an answer
 * within 3 seconds and a write to a slow disk must not cost it; recorded even when thanking failed.
 * The answer itself is left as it was.
 */
export async function handleFeedback(interaction: ButtonInteraction, press: FeedbackPress, deps: HandlerDeps): Promise<undefined> {
  const language = localeToLanguage(interaction.locale) ?? localeToLanguage(interaction.guildLocale) ?? "en";
  const question = questionOfAnswer(interaction) ?? null;
  try {
    await interaction.reply({ content: UI.thanks[language], allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
  } finally {
    await deps.conversation.vote({ platform: "discord", userId: interaction.user.id, vote: press.vote, factId: press.factId, question });
  }
  return undefined;
}
