import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { TIER_SPECS } from '../../percify-catalog.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/animate` as Discord registers it: data only, so deploy-commands can import it alone. */

export const SPEECH_MAX = 500;
/** The longest of Percify's language codes is five characters (`en-US`); room for typing a name. */
export const SPOKEN_LANGUAGE_MAX = 40;

export const animateCommandData = {
  name: 'animate',
  description: 'Turn one of your avatars into a short video',
  ...GUILD_SLASH_COMMAND,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'avatar',
      description: 'Which avatar (start typing its prompt or id)',
      required: true,
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'duration',
      // Data is the same on every server, so it names no longest length: /help shows this server's.
      description: "Length in seconds, from 3 (/help shows this server's longest)",
      min_value: 3,
      max_value: 30,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'tier',
      description: 'Video Studio tier (default basic)',
      choices: [
        {
          name: `basic — ${TIER_SPECS.basic.resolution}, 30 fps`,
          value: 'basic',
        },
        {
          name: `reality-lab — ${TIER_SPECS['reality-lab'].resolution}, 30/60 fps`,
          value: 'reality-lab',
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'motion',
      description: 'How much the avatar moves (default moderate)',
      choices: [
        { name: 'subtle — breathing, soft blinks', value: 'subtle' },
        { name: 'moderate — natural head movements', value: 'moderate' },
        { name: 'dynamic — full range, dramatic', value: 'dynamic' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'fps',
      description: 'Frames per second (60 only on reality-lab)',
      choices: [
        { name: '30', value: 30 },
        { name: '60 (reality-lab)', value: 60 },
      ],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'format',
      description: 'File format (default mp4)',
      choices: [
        { name: 'mp4', value: 'mp4' },
        { name: 'webm', value: 'webm' },
        { name: 'mov (reality-lab)', value: 'mov' },
      ],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'speech',
      description: 'A line the avatar says, with lip-sync',
      max_length: SPEECH_MAX,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'voice',
      description: 'The voice for the line',
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'language',
      // Percify speaks 29 languages, more than Discord's 25 choices: autocomplete offers them.
      description: 'The language of the line (default: yours)',
      autocomplete: true,
      max_length: SPOKEN_LANGUAGE_MAX,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
