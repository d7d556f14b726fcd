import { ApplicationCommandType } from "discord.js";
import { askTheArticle } from "./ask-the-article.js";
import { ask } from "./ask.js";
import { CommandSchema, type ChatInputCommand, type Command, type MessageContextMenuCommand } from "./command.js";
import { topics } from "./topics.js";

export type { ChatInputCommand, Command, MessageContextMenuCommand } from "./command.js";

/** Every command, as registered by `npm run discord:deploy` and dispatched by interaction-create. */
export const commands: readonly Command[] = [ask, topics, askTheArticle];

for (const command of commands) CommandSchema.parse(command);

function indexByName<T extends Command>(list: readonly T[]): ReadonlyMap<string, T> {
  const byName = new Map<string, T>();
  for (const command of list) {
    if (byName.has(command.data.name)) throw new Error(`Two commands are named "${command.data.name}"`);
    byName.set(command.data.name, command);
  }
  return byName;
}

function isChatInput(command: Command): command is ChatInputCommand {
  return (command.data.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
}

export const chatInputCommands = indexByName(commands.filter(isChatInput));
export const messageContextMenuCommands = indexByName(
  commands.filter((command): command is MessageContextMenuCommand => command.data.type === ApplicationCommandType.Message),
);
