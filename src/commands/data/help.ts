import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/help`: what the bot does, the price list and the member's balance. */
export const helpCommandData = {
  name: 'help',
  description: 'What this bot does, what things cost, and your credits',
  ...GUILD_SLASH_COMMAND,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
