import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';

/**
 * What every command's data shares: a slash command, usable in servers only (credits belong to a
 * server), installed to servers. Spread into each command's JSON.
 */
export const GUILD_SLASH_COMMAND: {
  type: ApplicationCommandType.ChatInput;
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} = {
  type: ApplicationCommandType.ChatInput,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};
