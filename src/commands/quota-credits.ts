import { MessageFlags } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { renderUsageChart, type UsageReport } from '../services/credits/index.js';
import { COLOURS } from '../services/delivery/style.js';
import { USAGE_CHART_NAME, renderUsage } from '../services/delivery/quota-replies.js';
import { forChannel, forMember, type Translator } from '../services/i18n/index.js';
import { trimmedText, wholeNumber } from './quota-access.js';
import { MAX_CREDITS_SETTING, REASON_MAX } from './data/quota.js';
import { renderBooksComparison } from './quota-books.js';
import type { QuotaHandler, QuotaHandlers } from './quota-types.js';
import type { GuildCommandInteraction } from './types.js';

/**
 * The `/quota` subcommands that move or report credits: grant, revoke and usage. Their replies are
 * ephemeral, for the admin: in the admin's language.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function memberChange(
  interaction: GuildCommandInteraction,
  { member, credits: amount, reason }: Parameters<QuotaHandler<'grant' | 'revoke'>>[1],
  verb: 'grant' | 'revoke',
  ctx: BotContext,
) {
  if (member.bot) throw new UserError({ key: 'quota.grants.botsHaveNone' }, 'invalid-option');
  // The default reason is kept in the member's history and read later in /credits by the member, so
  // it is written once, in the server's language.
  const server = forChannel(ctx.i18n, interaction);
  return {
    // The interaction id: Discord sends a retried command with the same id, so it cannot apply twice.
    opId: interaction.id,
    guildId: interaction.guildId,
    adminId: interaction.user.id,
    memberId: member.id,
    amount: wholeNumber(amount, 'credits', 1, MAX_CREDITS_SETTING),
    reason:
      reason === undefined
        ? server.t(verb === 'grant' ? 'quota.grants.grantedBy' : 'quota.grants.revokedBy', {
            admin: interaction.user.username,
          })
        : trimmedText(reason, 'reason', REASON_MAX),
  };
}

const grant: QuotaHandler<'grant'> = async (interaction, options, ctx) => {
  const change = memberChange(interaction, options, 'grant', ctx);
  const outcome = await ctx.ledger.grant(change);
  const tr = forMember(ctx.i18n, interaction);
  await interaction.reply({
    embeds: [
      {
        title: tr.t('quota.grants.grantedTitle'),
        description: tr.t('quota.grants.granted', {
          member: outcome.memberId,
          amount: tr.credits(outcome.amount),
          before: outcome.grantedAfter - outcome.amount,
          after: tr.credits(outcome.grantedAfter),
        }),
        fields: [{ name: tr.t('quota.grants.reason'), value: change.reason }],
        color: COLOURS.success,
        footer: { text: tr.t('quota.auditFooter') },
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

const revoke: QuotaHandler<'revoke'> = async (interaction, options, ctx) => {
  const change = memberChange(interaction, options, 'revoke', ctx);
  const outcome = await ctx.ledger.revoke(change);
  const tr = forMember(ctx.i18n, interaction);
  const balance = tr.t('quota.grants.balance', {
    member: outcome.memberId,
    before: outcome.grantedAfter + outcome.revoked,
    after: tr.credits(outcome.grantedAfter),
  });
  await interaction.reply({
    embeds: [
      {
        title: tr.t(outcome.revoked === 0 ? 'quota.grants.nothingTitle' : 'quota.grants.revokedTitle'),
        description: `${tr.render(outcome.detail)} ${balance}`,
        fields: [{ name: tr.t('quota.grants.reason'), value: change.reason }],
        color: outcome.revoked === outcome.requested ? COLOURS.success : COLOURS.working,
        footer: { text: tr.t('quota.auditFooter') },
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

const PERIODS = {
  day: { days: 1, label: 'quota.usage.periods.day', chartLabel: 'quota.usage.chartPeriods.day' },
  week: { days: 7, label: 'quota.usage.periods.week', chartLabel: 'quota.usage.chartPeriods.week' },
  month: { days: 30, label: 'quota.usage.periods.month', chartLabel: 'quota.usage.chartPeriods.month' },
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

/**
 * "2024-05-17" -> "May 17" ("17. Mai", …), short enough for a chart label. Japanese reads "5/17":
 * the chart is drawn with the system fonts, and a machine without a CJK font would drop 月 and 日.
 */
export function dayLabel(day: string, tr: Translator): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(tr.language, {
    month: tr.language === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

const usage: QuotaHandler<'usage'> = async (interaction, options, ctx) => {
  const period = PERIODS[options.period ?? 'week'];
  // Drawing the chart can take longer than Discord's 3 seconds on a busy machine: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const tr = forMember(ctx.i18n, interaction);
  const settings = await ctx.settings.get(interaction.guildId);
  const range = usageRange(ctx.now(), settings.utcOffsetMinutes, period.days);
  const report: UsageReport = await ctx.ledger.usage(interaction.guildId, range);
  const books = options.compare ? [await renderBooksComparison(ctx, interaction.guildId, range, tr)] : [];
  const chart = renderUsageChart({
    title: tr.t('quota.usage.chartTitle', { period: tr.t(period.chartLabel) }),
    days: report.perDay.map(({ day, credits: amount }) => ({ label: dayLabel(day, tr), credits: amount })),
  });
  const label = tr.t(period.label);
  await interaction.editReply({
    embeds: [renderUsage({ periodLabel: label, report, chartName: USAGE_CHART_NAME }, tr), ...books],
    files: [{ attachment: chart, name: USAGE_CHART_NAME }],
  });
};

export const CREDIT_HANDLERS = { grant, revoke, usage } satisfies Partial<QuotaHandlers>;
