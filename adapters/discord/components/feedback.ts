import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import type { Vote } from "../../../src/index.js";
import { MAX_CUSTOM_ID } from "./did-you-mean.js";

/**
 * 👍 / 👎 under every answer. Custom ids are `fb:<up|down>:<fact id>`, so any shard, even after a
 * restart, records the vote against the right fact without remembering the message.
 */
const PREFIX = "fb:";

export function feedbackCustomId(vote: Vote, factId: string): string | undefined {
  const customId = `${PREFIX}${vote}:${factId}`;
  return factId !== "" && customId.length <= MAX_CUSTOM_ID ? customId : undefined;
}

export interface FeedbackPress {
  readonly vote: Vote;
  readonly factId: string;
}

export function parseFeedbackCustomId(customId: string): FeedbackPress | undefined {
  const match = /^fb:(up|down):(.+)$/s.exec(customId);
  if (!match) return undefined;
  const [, vote, factId] = match;
  return (vote === "up" || vote === "down") && factId !== undefined ? { vote, factId } : undefined;
}

/** The 👍 / 👎 row for an answer from `factId`; undefined when the id would not fit a custom id. */
export function feedbackRow(factId: string): ActionRowBuilder<ButtonBuilder> | undefined {
  const up = feedbackCustomId("up", factId);
  const down = feedbackCustomId("down", factId);
  if (up === undefined || down === undefined) return undefined;
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(up).setStyle(ButtonStyle.Secondary).setEmoji("👍"),
    new ButtonBuilder().setCustomId(down).setStyle(ButtonStyle.Secondary).setEmoji("👎"),
  );
}
