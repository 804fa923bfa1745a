import { MessageFlags } from 'discord.js';
import { UserError } from '../errors.js';
import { renderUsageChart, type UsageReport } from '../services/credits/index.js';
import { COLOURS, credits } from '../services/delivery/style.js';
import { USAGE_CHART_NAME, renderUsage } from '../services/delivery/quota-replies.js';
import { trimmedText, wholeNumber } from './quota-access.js';
import { MAX_CREDITS_SETTING, REASON_MAX } from './data/quota.js';
import { renderBooksComparison } from './quota-books.js';
import type { QuotaHandler, QuotaHandlers } from './quota-types.js';
import type { GuildCommandInteraction } from './types.js';

/** The `/quota` subcommands that move or report credits: grant, revoke and usage. */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function memberChange(
  interaction: GuildCommandInteraction,
  { member, credits: amount, reason }: Parameters<QuotaHandler<'grant' | 'revoke'>>[1],
  verb: 'grant' | 'revoke',
) {
  if (member.bot) throw new UserError('Bots have no credits.', 'invalid-option');
  return {
    // The interaction id: Discord sends a retried command with the same id, so it cannot apply twice.
    opId: interaction.id,
    guildId: interaction.guildId,
    adminId: interaction.user.id,
    memberId: member.id,
    amount: wholeNumber(amount, 'credits', 1, MAX_CREDITS_SETTING),
    reason:
      reason === undefined
        ? `${verb === 'grant' ? 'granted' : 'revoked'} by ${interaction.user.username}`
        : trimmedText(reason, 'reason', REASON_MAX),
  };
}

const grant: QuotaHandler<'grant'> = async (interaction, options, ctx) => {
  const change = memberChange(interaction, options, 'grant');
  const outcome = await ctx.ledger.grant(change);
  await interaction.reply({
    embeds: [
      {
        title: '✅ Credits granted',
        description:
          `Gave <@${outcome.memberId}> **${credits(outcome.amount)}**. ` +
          `Granted balance: ${outcome.grantedAfter - outcome.amount} → ${credits(outcome.grantedAfter)}.`,
        fields: [{ name: 'Reason', value: change.reason }],
        color: COLOURS.success,
        footer: { text: 'Written to the audit log.' },
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

const revoke: QuotaHandler<'revoke'> = async (interaction, options, ctx) => {
  const change = memberChange(interaction, options, 'revoke');
  const outcome = await ctx.ledger.revoke(change);
  await interaction.reply({
    embeds: [
      {
        title: outcome.revoked === 0 ? 'Nothing to revoke' : '✅ Credits revoked',
        description:
          `${outcome.detail} <@${outcome.memberId}>'s granted balance: ` +
          `${outcome.grantedAfter + outcome.revoked} → ${credits(outcome.grantedAfter)}.`,
        fields: [{ name: 'Reason', value: change.reason }],
        color: outcome.revoked === outcome.requested ? COLOURS.success : COLOURS.working,
        footer: { text: 'Written to the audit log.' },
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

const PERIODS = {
  day: { days: 1, label: 'today' },
  week: { days: 7, label: 'last 7 days' },
  month: { days: 30, label: 'last 30 days' },
} as const;

/** Whole local days ending with today, so the chart has one bar per day and today is the last. */
export function usageRange(
  now: number,
  utcOffsetMinutes: number,
  days: number,
): { from: number; to: number } {
  const offset = utcOffsetMinutes * MINUTE_MS;
  const to = Math.floor((now + offset) / DAY_MS) * DAY_MS + DAY_MS - offset;
  return { from: to - days * DAY_MS, to };
}

/** "2024-05-17" -> "May 17", short enough for a chart label. */
function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

const usage: QuotaHandler<'usage'> = async (interaction, options, ctx) => {
  const period = PERIODS[options.period ?? 'week'];
  // Drawing the chart can take longer than Discord's 3 seconds on a busy machine: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const settings = await ctx.settings.get(interaction.guildId);
  const range = usageRange(ctx.now(), settings.utcOffsetMinutes, period.days);
  const report: UsageReport = await ctx.ledger.usage(interaction.guildId, range);
  const books = options.compare ? [await renderBooksComparison(ctx, interaction.guildId, range)] : [];
  const chart = renderUsageChart({
    title: `Credits per day · ${period.label}`,
    days: report.perDay.map(({ day, credits: amount }) => ({ label: dayLabel(day), credits: amount })),
  });
  const label = period.label.charAt(0).toUpperCase() + period.label.slice(1);
  await interaction.editReply({
    embeds: [renderUsage({ periodLabel: label, report, chartName: USAGE_CHART_NAME }), ...books],
    files: [{ attachment: chart, name: USAGE_CHART_NAME }],
  });
};

export const CREDIT_HANDLERS = { grant, revoke, usage } satisfies Partial<QuotaHandlers>;
