import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/gallery`: a member's recent avatars and videos, newest first, a page at a time. */
export const galleryCommandData = {
  name: 'gallery',
  description: 'Your recent avatars and videos, with their ids for /animate',
  ...GUILD_SLASH_COMMAND,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: "Another member's gallery (needs Manage Server)",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
