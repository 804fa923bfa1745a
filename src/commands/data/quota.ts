import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandStringOption,
  type APIApplicationCommandUserOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { AVATAR_MODELS, MIN_VIDEO_SECONDS } from '../../percify-catalog.js';
import { GUILD_SLASH_COMMAND } from './guild-command.js';

/** `/quota`: how a server's admins keep spending under control. Data only, so deploy can import it. */

/** The largest number of credits an admin can set or move at once (the settings schema's cap). */
export const MAX_CREDITS_SETTING = 1_000_000;
export const MAX_VIDEO_SECONDS_SETTING = 30;
export const MAX_CONCURRENT_JOBS_SETTING = 20;
export const REASON_MAX = 200;
export const PHRASE_MAX = 100;

const O = ApplicationCommandOptionType;

// The helpers keep their literal types (`as const`), so the handlers' option types follow from them.
const creditsOption = (description: string, minValue = 0) =>
  ({
    type: O.Integer,
    name: 'credits',
    description,
    required: true,
    min_value: minValue,
    max_value: MAX_CREDITS_SETTING,
  }) as const satisfies APIApplicationCommandIntegerOption;

const memberOption = {
  type: O.User,
  name: 'member',
  description: 'Whose credits',
  required: true,
} as const satisfies APIApplicationCommandUserOption;

const reasonOption = {
  type: O.String,
  name: 'reason',
  description: 'Why (kept in the audit log)',
  min_length: 1,
  max_length: REASON_MAX,
} as const satisfies APIApplicationCommandStringOption;

const channelOption = {
  type: O.Channel,
  name: 'channel',
  description: 'A text channel',
  required: true,
  channel_types: [ChannelType.GuildText],
} as const satisfies APIApplicationCommandChannelOption;

const phraseOption = {
  type: O.String,
  name: 'phrase',
  description: 'A word or phrase',
  required: true,
  min_length: 1,
  max_length: PHRASE_MAX,
} as const satisfies APIApplicationCommandStringOption;

export const quotaCommandData = {
  name: 'quota',
  description: "Set this server's credit allowances, budget and limits (admins)",
  ...GUILD_SLASH_COMMAND,
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  options: [
    { type: O.Subcommand, name: 'view', description: "Show this server's whole quota configuration" },
    {
      type: O.Subcommand,
      name: 'allowance',
      description: 'Set the daily credits every member gets',
      options: [creditsOption('Credits per member per day')],
    },
    {
      type: O.Subcommand,
      name: 'role',
      description: 'Give a role its own daily allowance (0 removes it)',
      options: [
        { type: O.Role, name: 'role', description: 'The role', required: true },
        creditsOption('Credits per day for members with this role (0 removes it)'),
      ],
    },
    {
      type: O.Subcommand,
      name: 'budget',
      description: 'Cap what the whole server spends per day or month (0 removes the cap)',
      options: [
        creditsOption('Credits the whole server may spend per period (0 removes the budget)'),
        {
          type: O.String,
          name: 'period',
          description: 'Per day or per month (default: as before, else day)',
          choices: [
            { name: 'day', value: 'day' },
            { name: 'month', value: 'month' },
          ],
        },
        { type: O.Boolean, name: 'show', description: 'Show what is left of the budget in /credits' },
      ],
    },
    {
      type: O.Subcommand,
      name: 'limits',
      description: 'Limit jobs, variations, video length, models and tiers',
      options: [
        {
          type: O.Integer,
          name: 'concurrent_jobs',
          description: 'Jobs a member may have running at once',
          min_value: 1,
          max_value: MAX_CONCURRENT_JOBS_SETTING,
        },
        {
          type: O.Integer,
          name: 'max_variations',
          description: 'Most images per /avatar',
          min_value: 1,
          max_value: 4,
        },
        {
          type: O.Integer,
          name: 'max_video_seconds',
          description: 'Longest video in seconds',
          min_value: MIN_VIDEO_SECONDS,
          max_value: MAX_VIDEO_SECONDS_SETTING,
        },
        {
          type: O.String,
          name: 'models',
          description: `Allowed avatar models, comma-separated: ${AVATAR_MODELS.join(', ')} (or "all")`,
          min_length: 1,
          max_length: 100,
        },
        {
          type: O.String,
          name: 'default_model',
          description: 'The model used when a member picks none',
          choices: AVATAR_MODELS.map((model) => ({ name: model, value: model })),
        },
        {
          type: O.String,
          name: 'tiers',
          description: 'Allowed video tiers',
          choices: [
            { name: 'basic and reality-lab', value: 'basic,reality-lab' },
            { name: 'basic only', value: 'basic' },
            { name: 'reality-lab only', value: 'reality-lab' },
          ],
        },
        {
          type: O.Integer,
          name: 'confirm_above',
          description: 'Ask for a Confirm click for jobs costing more than this',
          min_value: 0,
          max_value: MAX_CREDITS_SETTING,
        },
      ],
    },
    {
      type: O.Subcommand,
      name: 'grant',
      description: 'Give a member credits that last until spent',
      options: [memberOption, creditsOption('How many credits to give', 1), reasonOption],
    },
    {
      type: O.Subcommand,
      name: 'revoke',
      description: "Take back some of a member's granted credits",
      options: [memberOption, creditsOption('How many granted credits to take', 1), reasonOption],
    },
    {
      type: O.SubcommandGroup,
      name: 'channels',
      description: 'Where generation commands work (empty list: everywhere)',
      options: [
        { type: O.Subcommand, name: 'add', description: 'Allow a channel', options: [channelOption] },
        {
          type: O.Subcommand,
          name: 'remove',
          description: 'Stop allowing a channel',
          options: [channelOption],
        },
        { type: O.Subcommand, name: 'clear', description: 'Allow every channel again' },
      ],
    },
    {
      type: O.SubcommandGroup,
      name: 'blocklist',
      description: 'Words and phrases refused in prompts, before anything is spent',
      options: [
        { type: O.Subcommand, name: 'add', description: 'Block a word or phrase', options: [phraseOption] },
        {
          type: O.Subcommand,
          name: 'remove',
          description: 'Unblock a word or phrase',
          options: [phraseOption],
        },
        { type: O.Subcommand, name: 'list', description: 'Show the blocked words and phrases' },
      ],
    },
    {
      type: O.Subcommand,
      name: 'alerts',
      description: 'Choose where the bot warns admins (leave out the channel to stop alerts)',
      options: [{ ...channelOption, required: false, description: 'A text channel for alerts' }],
    },
    {
      type: O.Subcommand,
      name: 'features',
      description: 'Turn photo avatars and voice cloning on or off (leave both out to see them)',
      options: [
        { type: O.Boolean, name: 'photo_avatars', description: 'Avatars from members’ photos (/avatar photo:)' },
        { type: O.Boolean, name: 'voice_cloning', description: 'Members cloning their own voice (/voice clone)' },
      ],
    },
    {
      type: O.Subcommand,
      name: 'usage',
      description: 'Credits spent, top members, models and tiers, with a chart',
      options: [
        {
          type: O.String,
          name: 'period',
          description: 'How far back (default: week)',
          choices: [
            { name: 'today', value: 'day' },
            { name: 'last 7 days', value: 'week' },
            { name: 'last 30 days', value: 'month' },
          ],
        },
        {
          type: O.Boolean,
          name: 'compare',
          description: "Also compare each job with Percify's credit history",
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
