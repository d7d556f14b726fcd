import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { InteractionReply } from "../embeds.js";
import type { HandlerDeps } from "../handler-deps.js";

/**
 * A handler returns the reply for interaction-create to send (and to apologize for if sending
 * fails), or undefined when it answered the interaction itself.
 */
export type HandlerResult = InteractionReply | undefined;

export interface ChatInputCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<HandlerResult>;
  autocomplete?(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void>;
}

export interface MessageContextMenuCommand {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, deps: HandlerDeps): Promise<HandlerResult>;
}

/** One file per command, each a plain object checked with `satisfies` against one of these. */
export type Command = ChatInputCommand | MessageContextMenuCommand;

const handler = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", "must be a function");

/** Discord's rule for slash command and option names, in every locale: lower case, no spaces. */
const SLASH_NAME = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}]{1,32}$/u;
const localized = (name: z.ZodString) => z.record(z.string(), name).optional();

/**
 * What Discord accepts, checked when the commands load so a bad name fails `npm run
 * discord:deploy` and the tests rather than a registration call.
 */
export const CommandSchema = z.object({
  data: z.object({
    name: z.string().min(1).max(32),
    name_localizations: localized(z.string().min(1).max(32)).nullable(),
    type: z.number().int().optional(),
    description: z.string().max(100).optional(),
    description_localizations: localized(z.string().min(1).max(100)).nullable(),
    options: z
      .array(z.object({ name: z.string().regex(SLASH_NAME), name_localizations: localized(z.string().regex(SLASH_NAME)).nullable() }).loose())
      .optional(),
  }),
  execute: handler,
  autocomplete: handler.optional(),
});
