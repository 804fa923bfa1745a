import type { APIEmbed } from 'discord.js';
import type { GuildSettings, UsageReport } from '../credits/index.js';
import { COLOURS, clip, credits, plural } from './style.js';

/**
 * The embeds of `/quota`: a guild's whole configuration, a change to it and its usage report. Pure
 * functions of the ledger's views. Not yet from the catalog (issue 15's extraction): English only.
 */

/** Discord's limit for one embed field value. */
const FIELD_MAX = 1024;
export const USAGE_CHART_NAME = 'usage.png';

/** Every field a `/quota` subcommand can change, as an admin reads it. */
export function describeSettings(settings: GuildSettings): Array<{ name: string; value: string }> {
  const { limits } = settings;
  const roles = Object.entries(settings.roleAllowances);
  return [
    { name: 'Daily allowance', value: `${credits(settings.allowancePerDay)} per member` },
    {
      name: 'Role allowances',
      value:
        roles.length === 0
          ? 'None'
          : roles.map(([roleId, amount]) => `<@&${roleId}>: ${credits(amount)} a day`).join('\n'),
    },
    { name: 'Server budget', value: describeBudget(settings) },
    { name: 'Jobs at a time', value: `${limits.concurrentJobs} per member` },
    { name: 'Variations', value: `up to ${limits.maxVariations} per request` },
    { name: 'Video length', value: `up to ${limits.maxVideoSeconds} s` },
    {
      name: 'Models',
      value: `${limits.allowedModels.join(', ')} (default ${settings.defaultModel})`,
    },
    { name: 'Video tiers', value: limits.allowedTiers.join(', ') },
    { name: 'Confirm above', value: `jobs costing more than ${credits(limits.confirmAbove)}` },
    {
      name: 'Channels',
      value:
        settings.channels.length === 0 ? 'Everywhere' : settings.channels.map((id) => `<#${id}>`).join(' '),
    },
    {
      name: 'Blocklist',
      value:
        settings.blocklist.length === 0
          ? 'Empty'
          : settings.blocklist.map((word) => `\`${word.replace(/`/g, 'ʼ')}\``).join(', '),
    },
    { name: 'Day starts', value: `00:00 UTC${formatOffset(settings.utcOffsetMinutes)}` },
  ].map(({ name, value }) => ({ name, value: clip(value, FIELD_MAX) }));
}

export function describeBudget(settings: GuildSettings): string {
  if (!settings.budget) return 'None';
  const period = settings.budget.period === 'day' ? 'a day' : 'a month';
  return `${credits(settings.budget.credits)} ${period} · ${settings.showBudget ? 'shown to members' : 'hidden from members'}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `${sign}${Math.floor(abs / 60)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

export function renderQuotaView(settings: GuildSettings): APIEmbed {
  return {
    title: '⚙️ Server quota',
    description: 'Change any of these with the other `/quota` subcommands.',
    color: COLOURS.neutral,
    fields: describeSettings(settings).map((field) => ({ ...field, inline: true })),
  };
}

/** The ephemeral confirmation of a change: what it was and what it is now. */
export function renderSettingsChange(before: GuildSettings, after: GuildSettings, subject: string): APIEmbed {
  const beforeFields = new Map(describeSettings(before).map((field) => [field.name, field.value]));
  const changed = describeSettings(after).filter((field) => beforeFields.get(field.name) !== field.value);
  if (changed.length === 0) {
    return {
      title: `No change: ${subject}`,
      description: 'That is already the setting.',
      color: COLOURS.neutral,
    };
  }
  return {
    title: `✅ Updated: ${subject}`,
    color: COLOURS.success,
    fields: changed.map((field) => ({
      name: field.name,
      value: clip(`${beforeFields.get(field.name) ?? '—'}\n→ ${field.value}`, FIELD_MAX),
    })),
    footer: { text: 'Written to the audit log.' },
  };
}

export interface UsageView {
  /** "Today", "Last 7 days", … */
  periodLabel: string;
  report: UsageReport;
  /** Embeds the chart attached under this name. */
  chartName?: string;
}

export function renderUsage({ periodLabel, report, chartName }: UsageView): APIEmbed {
  const { totals } = report;
  const embed: APIEmbed = {
    title: `📊 Usage · ${periodLabel}`,
    description:
      `**${credits(totals.credits)}** charged for ${plural(totals.jobs, 'job')}` +
      ` · ${plural(totals.refunds, 'refund')} (${credits(totals.refunded)} given back)` +
      (totals.absorbed > 0 ? ` · ${credits(totals.absorbed)} over estimates, paid by the bot` : ''),
    color: COLOURS.brand,
    fields: [
      { name: 'Top members', value: topLines(report.perMember, (id) => `<@${id}>`) },
      { name: 'By model', value: topLines(report.perModel, (model) => model), inline: true },
      { name: 'By video tier', value: topLines(report.perTier, (tier) => tier), inline: true },
      {
        name: 'Likeness features',
        value: `${plural(report.perFeature['photo-avatar'] ?? 0, 'photo avatar')} · ${plural(report.perFeature['voice-clone'] ?? 0, 'voice clone')}`,
        inline: true,
      },
    ],
  };
  if (chartName) embed.image = { url: `attachment://${chartName}` };
  return embed;
}

function topLines(totals: Record<string, number>, label: (key: string) => string, max = 10): string {
  const rows = Object.entries(totals)
    .sort(([, a], [, b]) => b - a)
    .slice(0, max);
  if (rows.length === 0) return 'None';
  return clip(
    rows.map(([key, amount], index) => `${index + 1}. ${label(key)} · ${credits(amount)}`).join('\n'),
    FIELD_MAX,
  );
}
