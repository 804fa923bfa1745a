import { MessageFlags } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import {
  AVATAR_MODELS,
  SettingsValidationError,
  VIDEO_TIERS,
  type AvatarModel,
  type GuildSettings,
  type VideoTier,
} from '../services/credits/index.js';
import {
  blocklistFieldName,
  renderQuotaView,
  renderSettingsChange,
} from '../services/delivery/quota-replies.js';
import { forMember, type Message, type Translator } from '../services/i18n/index.js';
import { MIN_VIDEO_SECONDS } from '../services/percify/pricing.js';
import { auditReason, optionalWholeNumber, trimmedText, wholeNumber } from './quota-access.js';
import {
  MAX_CONCURRENT_JOBS_SETTING,
  MAX_CREDITS_SETTING,
  MAX_VIDEO_SECONDS_SETTING,
  PHRASE_MAX,
} from './data/quota.js';
import type { QuotaHandler, QuotaHandlers } from './quota-types.js';
import type { GuildCommandInteraction } from './types.js';

/**
 * The `/quota` subcommands that read or change a guild's settings. Replies and refusals are ephemeral,
 * for the admin: in the admin's language.
 */

/** The settings schema's caps, repeated here so the refusal can say them before the schema does. */
const MAX_CHANNELS = 100;
const MAX_BLOCKED_PHRASES = 200;

const CHANNELS: Message = { key: 'quota.settings.subjects.channels' };
const BLOCKLIST: Message = { key: 'quota.settings.subjects.blocklist' };

/**
 * Applies one change atomically (GuildSettingsService.update writes the audit entry, with the
 * subcommand as its reason) and confirms it to the admin with before → after, titled by `subject`.
 * `before` is captured inside the update, so it is exactly the state the change was applied to, even
 * when two admins change things at once.
 */
async function changeSettings(
  interaction: GuildCommandInteraction,
  ctx: BotContext,
  subcommand: string,
  subject: Message,
  change: (settings: GuildSettings) => GuildSettings,
): Promise<void> {
  const tr = forMember(ctx.i18n, interaction);
  let before: GuildSettings | undefined;
  let after: GuildSettings;
  try {
    after = await ctx.settings.update(
      interaction.guildId,
      interaction.user.id,
      (current) => {
        before = structuredClone(current);
        return change(current);
      },
      auditReason(subcommand),
    );
  } catch (error) {
    if (error instanceof SettingsValidationError) {
      const problems = error.problems.map((problem) => tr.render(problem)).join('; ');
      throw new UserError({ key: 'quota.settings.refusals.invalid', vars: { problems } }, 'invalid-settings');
    }
    throw error;
  }
  await interaction.reply({
    embeds: [renderSettingsChange(before ?? after, after, tr.render(subject), tr)],
    flags: MessageFlags.Ephemeral,
  });
}

const view: QuotaHandler<'view'> = async (interaction, _options, ctx) => {
  const settings = await ctx.settings.get(interaction.guildId);
  const tr = forMember(ctx.i18n, interaction);
  await interaction.reply({ embeds: [renderQuotaView(settings, tr)], flags: MessageFlags.Ephemeral });
};

const allowance: QuotaHandler<'allowance'> = async (interaction, options, ctx) => {
  const amount = wholeNumber(options.credits, 'credits', 0, MAX_CREDITS_SETTING);
  await changeSettings(interaction, ctx, 'allowance', { key: 'quota.settings.subjects.allowance' }, (s) => ({
    ...s,
    allowancePerDay: amount,
  }));
};

const role: QuotaHandler<'role'> = async (interaction, { role: target, credits }, ctx) => {
  const amount = wholeNumber(credits, 'credits', 0, MAX_CREDITS_SETTING);
  if (target.id === interaction.guildId && amount > 0) {
    throw new UserError({ key: 'quota.settings.refusals.everyone' }, 'invalid-option');
  }
  const subject: Message = { key: 'quota.settings.subjects.role', vars: { role: target.name } };
  await changeSettings(interaction, ctx, 'role', subject, (s) => {
    const roleAllowances = { ...s.roleAllowances };
    if (amount === 0) delete roleAllowances[target.id];
    else roleAllowances[target.id] = amount;
    return { ...s, roleAllowances };
  });
};

const budget: QuotaHandler<'budget'> = async (interaction, { credits, period, show }, ctx) => {
  const amount = wholeNumber(credits, 'credits', 0, MAX_CREDITS_SETTING);
  await changeSettings(interaction, ctx, 'budget', { key: 'quota.settings.subjects.budget' }, (s) => ({
    ...s,
    budget: amount === 0 ? null : { credits: amount, period: period ?? s.budget?.period ?? 'day' },
    showBudget: show ?? s.showBudget,
  }));
};

/** "flux, imagen3" -> ['flux', 'imagen3']; "all" -> every model; anything unknown is refused by name. */
export function parseModelList(text: string): AvatarModel[] {
  const names = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((name) => name.length > 0);
  if (names.length === 1 && names[0] === 'all') return [...AVATAR_MODELS];
  const unknown = names.filter((name) => !(AVATAR_MODELS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    const vars = {
      count: unknown.length,
      names: unknown.map((name) => `\`${name}\``).join(', '),
      models: AVATAR_MODELS.join(', '),
    };
    throw new UserError({ key: 'quota.settings.refusals.unknownModels', vars }, 'unknown-model');
  }
  if (names.length === 0) throw new UserError({ key: 'quota.settings.refusals.noModel' }, 'unknown-model');
  return AVATAR_MODELS.filter((model) => names.includes(model));
}

function parseTierList(text: string, tr: Translator): VideoTier[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(VIDEO_TIERS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    const tiers = new Intl.ListFormat(tr.language, { type: 'conjunction' }).format(VIDEO_TIERS);
    throw new UserError({ key: 'quota.settings.refusals.tiers', vars: { tiers } }, 'unknown-tier');
  }
  return VIDEO_TIERS.filter((tier) => names.includes(tier));
}

const limits: QuotaHandler<'limits'> = async (interaction, options, ctx) => {
  const concurrentJobs = optionalWholeNumber(
    options.concurrent_jobs,
    'concurrent_jobs',
    1,
    MAX_CONCURRENT_JOBS_SETTING,
  );
  const maxVariations = optionalWholeNumber(options.max_variations, 'max_variations', 1, 4);
  const maxVideoSeconds = optionalWholeNumber(
    options.max_video_seconds,
    'max_video_seconds',
    MIN_VIDEO_SECONDS,
    MAX_VIDEO_SECONDS_SETTING,
  );
  const confirmAbove = optionalWholeNumber(options.confirm_above, 'confirm_above', 0, MAX_CREDITS_SETTING);
  const allowedModels =
    options.models === undefined ? undefined : parseModelList(trimmedText(options.models, 'models', 100));
  const defaultModel = options.default_model;
  const allowedTiers =
    options.tiers === undefined ? undefined : parseTierList(options.tiers, forMember(ctx.i18n, interaction));
  const given = [concurrentJobs, maxVariations, maxVideoSeconds, confirmAbove, allowedModels, defaultModel];
  if (given.every((value) => value === undefined) && allowedTiers === undefined) {
    throw new UserError({ key: 'quota.settings.refusals.nothingToChange' }, 'nothing-to-change');
  }
  await changeSettings(interaction, ctx, 'limits', { key: 'quota.settings.subjects.limits' }, (s) => {
    const models = allowedModels ?? s.limits.allowedModels;
    // Turning off the default model moves the default to the first model still allowed.
    const nextDefault = defaultModel ?? (models.includes(s.defaultModel) ? s.defaultModel : models[0]);
    if (defaultModel !== undefined && !models.includes(defaultModel)) {
      throw new UserError(
        {
          key: 'quota.settings.refusals.defaultNotAllowed',
          vars: { model: defaultModel, models: models.join(', ') },
        },
        'unknown-model',
      );
    }
    return {
      ...s,
      defaultModel: nextDefault ?? s.defaultModel,
      limits: {
        concurrentJobs: concurrentJobs ?? s.limits.concurrentJobs,
        maxVariations: maxVariations ?? s.limits.maxVariations,
        maxVideoSeconds: maxVideoSeconds ?? s.limits.maxVideoSeconds,
        allowedModels: models,
        allowedTiers: allowedTiers ?? s.limits.allowedTiers,
        confirmAbove: confirmAbove ?? s.limits.confirmAbove,
      },
    };
  });
};

const channelsAdd: QuotaHandler<'channels add'> = async (interaction, { channel }, ctx) => {
  await changeSettings(interaction, ctx, 'channels', CHANNELS, (s) => {
    if (s.channels.includes(channel.id)) return s;
    if (s.channels.length >= MAX_CHANNELS) {
      throw new UserError(
        { key: 'quota.settings.refusals.tooManyChannels', vars: { max: MAX_CHANNELS } },
        'too-many-channels',
      );
    }
    return { ...s, channels: [...s.channels, channel.id] };
  });
};

const channelsRemove: QuotaHandler<'channels remove'> = async (interaction, { channel }, ctx) => {
  await changeSettings(interaction, ctx, 'channels', CHANNELS, (s) => {
    if (!s.channels.includes(channel.id)) {
      throw new UserError(
        { key: 'quota.settings.refusals.channelNotListed', vars: { channel: channel.id } },
        'not-listed',
      );
    }
    return { ...s, channels: s.channels.filter((id) => id !== channel.id) };
  });
};

const channelsClear: QuotaHandler<'channels clear'> = async (interaction, _options, ctx) => {
  await changeSettings(interaction, ctx, 'channels', CHANNELS, (s) => ({ ...s, channels: [] }));
};

/** Phrases compare without case and outer spaces, so "Dragon " and "dragon" are one entry. */
const samePhrase = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const blocklistAdd: QuotaHandler<'blocklist add'> = async (interaction, options, ctx) => {
  const phrase = trimmedText(options.phrase, 'phrase', PHRASE_MAX);
  await changeSettings(interaction, ctx, 'blocklist', BLOCKLIST, (s) => {
    if (s.blocklist.some((entry) => samePhrase(entry, phrase))) return s;
    if (s.blocklist.length >= MAX_BLOCKED_PHRASES) {
      throw new UserError(
        { key: 'quota.settings.refusals.blocklistFull', vars: { max: MAX_BLOCKED_PHRASES } },
        'blocklist-full',
      );
    }
    return { ...s, blocklist: [...s.blocklist, phrase] };
  });
};

const blocklistRemove: QuotaHandler<'blocklist remove'> = async (interaction, options, ctx) => {
  const phrase = trimmedText(options.phrase, 'phrase', PHRASE_MAX);
  await changeSettings(interaction, ctx, 'blocklist', BLOCKLIST, (s) => {
    if (!s.blocklist.some((entry) => samePhrase(entry, phrase))) {
      throw new UserError({ key: 'quota.settings.refusals.phraseNotListed', vars: { phrase } }, 'not-listed');
    }
    return { ...s, blocklist: s.blocklist.filter((entry) => !samePhrase(entry, phrase)) };
  });
};

const blocklistList: QuotaHandler<'blocklist list'> = async (interaction, _options, ctx) => {
  const settings = await ctx.settings.get(interaction.guildId);
  const tr = forMember(ctx.i18n, interaction);
  const embed = renderQuotaView(settings, tr);
  const field = blocklistFieldName(tr);
  await interaction.reply({
    embeds: [
      {
        ...embed,
        title: tr.t('quota.settings.blocklistTitle'),
        fields: embed.fields?.filter((f) => f.name === field),
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

/** Keyed by "group subcommand" or "subcommand", as Discord shows the command. */
export const SETTINGS_HANDLERS = {
  view,
  allowance,
  role,
  budget,
  limits,
  'channels add': channelsAdd,
  'channels remove': channelsRemove,
  'channels clear': channelsClear,
  'blocklist add': blocklistAdd,
  'blocklist remove': blocklistRemove,
  'blocklist list': blocklistList,
} satisfies Partial<QuotaHandlers>;
