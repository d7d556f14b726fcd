import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { HandlerDeps } from "../handler-deps.js";

export interface ChatInputCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void>;
}

export interface MessageContextMenuCommand {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, deps: HandlerDeps): Promise<void>;
}

/** One file per command, each a plain object checked with `satisfies` against one of these. */
export type Command = ChatInputCommand | MessageContextMenuCommand;

const handler = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", "must be a function");

/**
 * What Discord accepts, checked when the commands load so a bad name fails `npm run
 * discord:deploy` and the tests rather than a registration call.
 */
export const CommandSchema = z.object({
  data: z.object({
    name: z.string().min(1).max(32),
    type: z.number().int().optional(),
    description: z.string().max(100).optional(),
  }),
  execute: handler,
  autocomplete: handler.optional(),
});
