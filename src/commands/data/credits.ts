import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/credits`: what a member can spend now, and their last charges and refunds. */
export const creditsCommandData = {
  name: 'credits',
  description: 'See how many credits you can spend and your recent charges',
  ...GUILD_SLASH_COMMAND,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: "Admins: see another member's credits",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
