import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import type { Suggestion } from "../../../src/index.js";
import { truncate } from "../escape.js";

/** Custom ids are `dym:<fact id>`: any shard, even after a restart, knows what was suggested. */
const PREFIX = "dym:";
const MAX_CUSTOM_ID = 100;
const MAX_LABEL = 80;

export function didYouMeanCustomId(factId: string): string {
  return `${PREFIX}${factId}`.slice(0, MAX_CUSTOM_ID);
}

export function parseDidYouMeanCustomId(customId: string): string | undefined {
  return customId.startsWith(PREFIX) && customId.length > PREFIX.length ? customId.slice(PREFIX.length) : undefined;
}

/** One row of up to three buttons, each labelled with a sample question the core suggested. */
export function didYouMeanRow(suggestions: readonly Suggestion[]): ActionRowBuilder<ButtonBuilder> | undefined {
  if (suggestions.length === 0) return undefined;
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  for (const suggestion of suggestions.slice(0, 3)) {
    const customId = didYouMeanCustomId(suggestion.factId);
    if (seen.has(customId)) continue;
    seen.add(customId);
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customId)
        .setStyle(ButtonStyle.Secondary)
        .setLabel(truncate(suggestion.question, MAX_LABEL)),
    );
  }
  return new ActionRowBuilder<ButtonBuilder>().addComponents(buttons);
}
