import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ASPECT_RATIOS, MAX_SEED, MODEL_INFO, STYLE_PRESETS } from '../../percify-catalog.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/avatar`: a prompt becomes 1 to 4 avatar images; with `photo`, the member's picture becomes one. */

export const AVATAR_PROMPT_MAX = 1000;

export const avatarCommandData = {
  name: 'avatar',
  description: 'Create AI avatars from a prompt, or from a photo of yourself',
  ...GUILD_SLASH_COMMAND,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'prompt',
      description: 'What the avatar looks like (leave empty to write a long prompt in a form)',
      min_length: 1,
      max_length: AVATAR_PROMPT_MAX,
    },
    {
      type: ApplicationCommandOptionType.Attachment,
      name: 'photo',
      description: 'A photo of yourself (PNG, JPEG or WebP) to turn into an avatar, 10 credits',
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'model',
      description: 'Which Percify model draws it',
      choices: (['flux', 'imagen3', 'reality4'] as const).map((model) => ({
        name: `${model} — ${MODEL_INFO[model].label.toLowerCase()}, ${MODEL_INFO[model].credits} credits`,
        value: model,
      })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'style',
      description: 'A style preset',
      choices: STYLE_PRESETS.map((style) => ({ name: style, value: style })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'aspect_ratio',
      description: 'Image shape (default 1:1)',
      choices: ASPECT_RATIOS.map((ratio) => ({ name: ratio, value: ratio })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'negative_prompt',
      description: 'What to keep out of the image',
      max_length: AVATAR_PROMPT_MAX,
    },
    {
      type: ApplicationCommandOptionType.Number,
      name: 'guidance',
      description: 'How closely to follow the prompt, 1–20 (7–15 works best)',
      min_value: 1,
      max_value: 20,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'seed',
      description: 'Reuse a seed to reproduce a result (random when empty)',
      min_value: 0,
      max_value: MAX_SEED,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'variations',
      // A server may allow fewer than Percify's 4: /help shows this server's most.
      description: "How many images, each one charged (/help shows this server's most)",
      min_value: 1,
      max_value: 4,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
