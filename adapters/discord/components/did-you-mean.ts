import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import { LanguageSchema, type Language, type Suggestion } from "../../../src/index.js";
import { truncate } from "../escape.js";

/**
 * Custom ids are `dym:<language>:<fact id>`: any shard, even after a restart, knows which fact
 * was suggested and in which language to answer it. Buttons sent before the language was added
 * (`dym:<fact id>`) are still read; their language comes from the presser's locale.
 */
const PREFIX = "dym:";
/** Discord's limits on a custom id and a button label. */
export const MAX_CUSTOM_ID = 100;
const MAX_LABEL = 80;

/** The custom id of a suggestion's button, or undefined when the fact id would not fit. */
export function didYouMeanCustomId(factId: string, language: Language): string | undefined {
  const customId = `${PREFIX}${language}:${factId}`;
  return factId !== "" && customId.length <= MAX_CUSTOM_ID ? customId : undefined;
}

export interface DidYouMeanPress {
  readonly factId: string;
  /** Undefined for a button of the old form, which did not say. */
  readonly language: Language | undefined;
}

export function parseDidYouMeanCustomId(customId: string): DidYouMeanPress | undefined {
  if (!customId.startsWith(PREFIX)) return undefined;
  const rest = customId.slice(PREFIX.length);
  const separator = rest.indexOf(":");
  if (separator === -1) return rest === "" ? undefined : { factId: rest, language: undefined };
  const language = LanguageSchema.safeParse(rest.slice(0, separator));
  const factId = rest.slice(separator + 1);
  return language.success && factId !== "" ? { factId, language: language.data } : undefined;
}

/** One row of up to three buttons, each labelled with a sample question the core suggested. */
export function didYouMeanRow(suggestions: readonly Suggestion[], language: Language): ActionRowBuilder<ButtonBuilder> | undefined {
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  for (const suggestion of suggestions.slice(0, 3)) {
    const customId = didYouMeanCustomId(suggestion.factId, language);
    if (customId === undefined || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customId)
        .setStyle(ButtonStyle.Secondary)
        .setLabel(truncate(suggestion.question, MAX_LABEL)),
    );
  }
  return buttons.length === 0 ? undefined : new ActionRowBuilder<ButtonBuilder>().addComponents(buttons);
}
