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
} from '../percify/pricing.js';
import { COLOURS, clip, credits, relativeTime } from './style.js';

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

export function avatarPriceLines(limits: HelpLimits): string[] {
  return AVATAR_MODELS.map((model) => {
    const line = `**${model}** · ${MODEL_INFO[model].label}: ${credits(MODEL_INFO[model].credits)} per image`;
    return limits.allowedModels.includes(model) ? line : `~~${line}~~ · off on this server`;
  });
}

export function videoPriceLines(limits: HelpLimits): string[] {
  return STUDIO_TIERS.map((tier) => {
    const spec = TIER_SPECS[tier];
    const price = `${credits(spec.baseCredits)} up to ${spec.includedSeconds} s, then +${spec.perSecondCredits} per second`;
    if (!limits.allowedTiers.includes(tier)) return `~~**${spec.label}**: ${price}~~ · off on this server`;
    return (
      `**${spec.label}**: ${price} · ${spec.minSeconds}–${longestVideoSeconds(limits, tier)} s · ` +
      `${spec.resolution}, ${spec.fps.join('/')} fps`
    );
  });
}

export function voicePriceLine(): string {
  return `**Spoken line** (lip-synced): ${credits(AUDIO_BASE_CREDITS)} + ${AUDIO_CREDITS_PER_SECOND} per second of speech`;
}

/** A feature's price line, struck through with a word when this server has it off. */
function featureLine(on: boolean, line: string): string {
  return on ? line : `~~${line}~~ · off on this server`;
}

export function photoPriceLine(features: HelpView['features']): string {
  return featureLine(
    features.photoAvatars,
    `**From your photo** (\`/avatar photo:\`): ${credits(PERCIFY_YOURSELF_CREDITS)}`,
  );
}

export function cloneVoicePriceLine(features: HelpView['features']): string {
  return featureLine(
    features.voiceCloning,
    `**Your own voice** (\`/voice clone\`): ${credits(VOICE_CLONE_CREDITS)} once per voice`,
  );
}

function commandLines(commands: readonly HelpCommandLine[]): string {
  const lines = commands
    .filter((command) => !command.adminOnly)
    .map((command) => `\`/${command.name}\` — ${command.description}`);
  const forAdmins = commands.filter((command) => command.adminOnly).map((command) => `\`/${command.name}\``);
  if (forAdmins.length > 0) lines.push(`**For admins:** ${forAdmins.join(', ')}`);
  return clip(lines.join('\n'), FIELD_MAX);
}

function balanceText(balance: Balance): string {
  const parts = [`**${credits(balance.spendable)}** to spend now`];
  const details = [`${balance.allowanceLeft} of today's ${balance.allowance} allowance left`];
  if (balance.granted > 0) details.push(`${balance.granted} granted`);
  if (balance.reservedNow > 0) details.push(`${balance.reservedNow} held for jobs in progress`);
  parts.push(`(${details.join(', ')})`);
  let text = parts.join(' ');
  if (balance.budget) {
    const budget = balance.budget;
    text += `\nServer budget: ${budget.left} of ${budget.credits} left this ${budget.period}, renews ${relativeTime(budget.resetsAt)}`;
  }
  return text;
}

function moreCreditsText(view: HelpView): string {
  const lines = [
    `Your daily allowance of ${credits(view.balance.allowance)} refills ${relativeTime(view.balance.resetsAt)}.`,
  ];
  const roles = Object.entries(view.roleAllowances).sort(([, a], [, b]) => b - a);
  if (roles.length > 0) {
    const shown = roles.slice(0, 10).map(([roleId, amount]) => `<@&${roleId}> ${amount}`);
    lines.push(`Some roles get more each day: ${shown.join(', ')}${roles.length > 10 ? ', …' : ''}.`);
  }
  lines.push('Need more today? Ask a server admin: they can grant you credits.');
  return clip(lines.join('\n'), FIELD_MAX);
}

export function renderHelp(view: HelpView): { embeds: APIEmbed[] } {
  const embed: APIEmbed = {
    color: COLOURS.brand,
    title: '✨ Percify avatars & videos',
    description:
      'Create AI avatars from a prompt with `/avatar`, then bring one to life as a short video, ' +
      'with a spoken, lip-synced line if you like. Prices are in server credits, the same as ' +
      'Percify credits; nothing is charged for a job that fails.',
    fields: [
      { name: 'Commands', value: commandLines(view.commands) || 'None yet.' },
      {
        name: 'Avatars',
        value: [
          ...avatarPriceLines(view.limits),
          photoPriceLine(view.features),
          `Up to ${view.limits.maxVariations} per /avatar`,
        ].join('\n'),
      },
      { name: 'Videos', value: clip(videoPriceLines(view.limits).join('\n'), FIELD_MAX) },
      { name: 'Voice', value: [voicePriceLine(), cloneVoicePriceLine(view.features)].join('\n') },
      { name: 'Your balance', value: balanceText(view.balance) },
      { name: 'Getting more credits', value: moreCreditsText(view) },
    ],
  };
  return { embeds: [embed] };
}
