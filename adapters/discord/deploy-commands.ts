// `npm run discord:deploy`: registers the slash and context-menu commands. Separate from starting
// the bot on purpose: registration is rate limited, and global changes take up to an hour.
import { pathToFileURL } from "node:url";
import { REST, Routes, type APIApplication } from "discord.js";
import { z } from "zod";
import { createLogger, loadDotEnv, type Logger } from "../../src/index.js";
import { commands } from "./commands/index.js";
import { DiscordConfigError, loadDiscordConfig } from "./config.js";
import { inviteUrl } from "./invite.js";

const RegisteredSchema = z.array(z.object({ id: z.string(), name: z.string() }));

export interface DeployResult {
  readonly scope: "global" | "guild";
  readonly applicationId: string;
  readonly guildId: string | undefined;
  readonly names: readonly string[];
}

export async function deployCommands(env: NodeJS.ProcessEnv, logger: Logger): Promise<DeployResult> {
  const config = loadDiscordConfig(env);
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  try {
    let applicationId = config.applicationId;
    if (applicationId === undefined) {
      const application = (await rest.get(Routes.currentApplication())) as APIApplication;
      applicationId = application.id;
      logger.info({ applicationId }, "discord: read the application id from the API (set DISCORD_APPLICATION_ID to skip)");
    }
    const route =
      config.guildId === undefined
        ? Routes.applicationCommands(applicationId)
        : Routes.applicationGuildCommands(applicationId, config.guildId);
    const body = commands.map((command) => command.data);
    const registered = RegisteredSchema.parse(await rest.put(route, { body }));
    const result: DeployResult = {
      scope: config.guildId === undefined ? "global" : "guild",
      applicationId,
      guildId: config.guildId,
      names: registered.map((command) => command.name),
    };
    logger.info(
      { ...result },
      result.scope === "guild"
        ? "discord: commands registered to the guild (available now)"
        : "discord: commands registered globally (may take up to an hour to appear)",
    );
    logger.info({ invite: inviteUrl(applicationId) }, "discord: add the bot to a server with this URL");
    return result;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  loadDotEnv();
  const logger = createLogger({ secrets: [process.env.DISCORD_TOKEN ?? ""] });
  try {
    await deployCommands(process.env, logger);
  } catch (error) {
    if (error instanceof DiscordConfigError) logger.error(error.message);
    else logger.error({ err: error }, "discord: could not register the commands");
    process.exitCode = 1;
  }
}
