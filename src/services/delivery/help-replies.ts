import type { APIEmbed } from 'discord.js';
import type { Balance, GuildSettings } from '../credits/index.js';
import { longestVideoSeconds } from '../credits/server-limits.js';
import {
  AUDIO_BASE_CREDITS,
  AUDIO_CREDITS_PER_SECOND,
  AVATAR_MODELS,
  MODEL_INFO,
  PERCIFY_YOURSELF_CREDITS,
  STUDIO_TIERS,
  TIER_SPECS,
  VOICE_CLONE_CREDITS,
  type AvatarModel,
} from '../percify/pricing.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import { COLOURS, clip, relativeTime } from './style.js';

/**
 * The `/help` page: what the bot does, every price (from the pricing constants, so it can never
 * disagree with what a job costs), this server's limits as its admins set them today, the member's
 * balance and how to get more on this server.
 */

export interface HelpCommandLine {
  name: string;
  description: string;
  /** Commands Discord hides from members without a permission (e.g. Manage Server). */
  adminOnly: boolean;
}

export interface HelpView {
  commands: readonly HelpCommandLine[];
  balance: Balance;
  /** Role id -> daily allowance on this server, for "roles that raise it". */
  roleAllowances: Readonly<Record<string, number>>;
  /** What this server allows: the lengths, tiers, models and images /help advertises. */
  limits: Pick<
    GuildSettings['limits'],
    'maxVideoSeconds' | 'maxVariations' | 'allowedModels' | 'allowedTiers'
  >;
  /** Which likeness features this server has on (/quota features). */
  features: GuildSettings['features'];
}

type HelpLimits = HelpView['limits'];

const FIELD_MAX = 1024;

/** Each model's one-word pitch ("Fast"), as the command's choices say it. */
const MODEL_LABEL: Readonly<Record<AvatarModel, MessageKey>> = {
  flux: 'guide.help.models.flux',
  imagen3: 'guide.help.models.imagen3',
  reality4: 'guide.help.models.reality4',
};

/** A price line, struck through with a word when this server has it off. */
function offered(tr: Translator, on: boolean, line: string): string {
  return on ? line : tr.t('guide.help.offHere', { line });
}

export function avatarPriceLines(tr: Translator, limits: HelpLimits): string[] {
  return AVATAR_MODELS.map((model) =>
    offered(
      tr,
      limits.allowedModels.includes(model),
      tr.t('guide.help.avatarPrice', {
        model,
        label: tr.t(MODEL_LABEL[model]),
        price: tr.credits(MODEL_INFO[model].credits),
      }),
    ),
  );
}

export function videoPriceLines(tr: Translator, limits: HelpLimits): string[] {
  return STUDIO_TIERS.map((tier) => {
    const spec = TIER_SPECS[tier];
    const price = tr.t('guide.help.videoPrice', {
      base: tr.credits(spec.baseCredits),
      included: spec.includedSeconds,
      perSecond: spec.perSecondCredits,
    });
    const name = tr.t('guide.help.tierName', { tier: spec.label, price });
    if (!limits.allowedTiers.includes(tier)) return offered(tr, false, name);
    const details = tr.t('guide.help.tierDetails', {
      min: spec.minSeconds,
      max: longestVideoSeconds(limits, tier),
      resolution: spec.resolution,
      fps: spec.fps.join('/'),
    });
    return `${name} · ${details}`;
  });
}

export function voicePriceLine(tr: Translator): string {
  return tr.t('guide.help.voicePrice', {
    base: tr.credits(AUDIO_BASE_CREDITS),
    perSecond: AUDIO_CREDITS_PER_SECOND,
  });
}

export function photoPriceLine(tr: Translator, features: HelpView['features']): string {
  return offered(
    tr,
    features.photoAvatars,
    tr.t('guide.help.photoPrice', { price: tr.credits(PERCIFY_YOURSELF_CREDITS) }),
  );
}

export function cloneVoicePriceLine(tr: Translator, features: HelpView['features']): string {
  return offered(
    tr,
    features.voiceCloning,
    tr.t('guide.help.clonePrice', { price: tr.credits(VOICE_CLONE_CREDITS) }),
  );
}

/** Each command with its description in the reader's language (the caller picks it). */
function commandLines(tr: Translator, commands: readonly HelpCommandLine[]): string {
  const lines = commands
    .filter((command) => !command.adminOnly)
    .map((command) => `\`/${command.name}\` — ${command.description}`);
  const forAdmins = commands.filter((command) => command.adminOnly).map((command) => `\`/${command.name}\``);
  if (forAdmins.length > 0) {
    lines.push(tr.t('guide.help.forAdmins', { commands: forAdmins.join(tr.t('guide.help.separator')) }));
  }
  return clip(lines.join('\n'), FIELD_MAX);
}

function balanceText(tr: Translator, balance: Balance): string {
  const details = [
    tr.t('guide.help.allowanceLeft', { left: balance.allowanceLeft, allowance: balance.allowance }),
  ];
  if (balance.granted > 0) details.push(tr.t('guide.help.granted', { count: balance.granted }));
  if (balance.reservedNow > 0) details.push(tr.t('guide.help.held', { count: balance.reservedNow }));
  let text = [
    tr.t('guide.help.spendNow', { amount: tr.credits(balance.spendable) }),
    tr.t('guide.help.details', { details: details.join(tr.t('guide.help.separator')) }),
  ].join(' ');
  if (balance.budget) {
    const budget = balance.budget;
    text += `\n${tr.t(budget.period === 'day' ? 'guide.help.budgetDay' : 'guide.help.budgetMonth', {
      left: budget.left,
      total: budget.credits,
      when: relativeTime(budget.resetsAt),
    })}`;
  }
  return text;
}

function moreCreditsText(tr: Translator, view: HelpView): string {
  const lines = [
    tr.t('guide.help.allowanceRefills', {
      amount: tr.credits(view.balance.allowance),
      when: relativeTime(view.balance.resetsAt),
    }),
  ];
  const roles = Object.entries(view.roleAllowances).sort(([, a], [, b]) => b - a);
  if (roles.length > 0) {
    const shown = roles.slice(0, 10).map(([roleId, amount]) => `<@&${roleId}> ${tr.number(amount)}`);
    if (roles.length > 10) shown.push('…');
    lines.push(tr.t('guide.help.roles', { roles: shown.join(tr.t('guide.help.separator')) }));
  }
  lines.push(tr.t('guide.help.askAdmin'));
  return clip(lines.join('\n'), FIELD_MAX);
}

/** The page in the reader's language; `view.commands` carry descriptions in that language too. */
export function renderHelp(tr: Translator, view: HelpView): { embeds: APIEmbed[] } {
  const embed: APIEmbed = {
    color: COLOURS.brand,
    title: tr.t('guide.help.title'),
    description: tr.t('guide.help.description'),
    fields: [
      {
        name: tr.t('guide.help.fields.commands'),
        value: commandLines(tr, view.commands) || tr.t('guide.help.noCommands'),
      },
      {
        name: tr.t('guide.help.fields.avatars'),
        value: [
          ...avatarPriceLines(tr, view.limits),
          photoPriceLine(tr, view.features),
          tr.t('guide.help.maxVariations', { count: view.limits.maxVariations }),
        ].join('\n'),
      },
      {
        name: tr.t('guide.help.fields.videos'),
        value: clip(videoPriceLines(tr, view.limits).join('\n'), FIELD_MAX),
      },
      {
        name: tr.t('guide.help.fields.voice'),
        value: [voicePriceLine(tr), cloneVoicePriceLine(tr, view.features)].join('\n'),
      },
      { name: tr.t('guide.help.fields.balance'), value: balanceText(tr, view.balance) },
      { name: tr.t('guide.help.fields.more'), value: moreCreditsText(tr, view) },
    ],
  };
  return { embeds: [embed] };
}
