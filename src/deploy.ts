import {
  REST,
  Routes,
  type APIApplication,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import { localizedCommandData } from './commands/data/localized.js';

export interface DeployOptions {
  token: string;
  apiUrl?: string | undefined;
  /** The application id; read from Discord when not given. */
  clientId?: string | undefined;
  /** Register in this guild only (instant) instead of globally (may take up to an hour to show). */
  guildId?: string | undefined;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  registered: RESTPutAPIApplicationCommandsResult;
}

/**
 * Widened to Discord's JSON type at the edge: this is the body the bulk overwrite sends, each command
 * with its names and descriptions in every language the bot speaks.
 */
export function commandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return localizedCommandData();
}

/** Overwrites the application's commands with the bot's, in one bulk call. */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const applicationId =
    options.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commandData() })) as RESTPutAPIApplicationCommandsResult;
  return { scope: options.guildId ? 'guild' : 'global', applicationId, registered };
}
