import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { VOICE_NAME_MAX_LENGTH } from '../../percify-catalog.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/voice`: a member's own cloned voices, for the spoken lines of their videos. */

const O = ApplicationCommandOptionType;

export const voiceCommandData = {
  name: 'voice',
  description: 'Clone your own voice for your videos, list or delete your voices',
  ...GUILD_SLASH_COMMAND,
  options: [
    {
      type: O.Subcommand,
      name: 'clone',
      description: 'Clone your voice from a recording (15 s to 5 min), 5 credits once',
      options: [
        {
          type: O.Attachment,
          name: 'sample',
          description: 'A recording of your own voice: WAV, MP3, FLAC or M4A, 15 s to 5 min',
          required: true,
        },
        {
          type: O.String,
          name: 'name',
          description: 'What to call this voice in your lists',
          required: true,
          min_length: 1,
          max_length: VOICE_NAME_MAX_LENGTH,
        },
      ],
    },
    { type: O.Subcommand, name: 'list', description: 'Show the voices you cloned' },
    {
      type: O.Subcommand,
      name: 'delete',
      description: 'Delete one of your voices, here and at Percify',
      options: [
        {
          type: O.String,
          name: 'voice',
          description: 'Which of your voices',
          required: true,
          autocomplete: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
