import type { APIEmbed } from 'discord.js';
import type { BotContext } from '../context.js';
import { COLOURS } from '../services/delivery/style.js';
import type { Translator } from '../services/i18n/index.js';
import { formatDifference } from '../services/ops/daily-reconciliation.js';

/** Differing jobs listed in the embed; the rest are counted. */
const JOBS_SHOWN = 10;

/** A job's kind as the admin says it; kinds the catalog does not name read "job". */
function kindOf(kind: string, tr: Translator): string {
  switch (kind) {
    case 'avatar':
      return tr.t('quota.books.kinds.avatar');
    case 'video':
      return tr.t('quota.books.kinds.video');
    case 'audio':
      return tr.t('quota.books.kinds.audio');
    default:
      return tr.t('quota.books.kinds.other');
  }
}

/**
 * `/quota usage compare:True`: the period's jobs as this bot charged them against Percify's own
 * credit history, in the admin's language (`tr`). Percify being unreachable must not cost the admin
 * the usage report itself.
 */
export async function renderBooksComparison(
  ctx: BotContext,
  guildId: string,
  range: { from: number; to: number },
  tr: Translator,
): Promise<APIEmbed> {
  let report;
  try {
    report = await ctx.ops.reconciliation.compare([guildId], range);
  } catch (error) {
    ctx.logger.warn({ guildId, err: error }, 'reconciliation with Percify failed');
    return {
      title: tr.t('quota.books.title'),
      description: tr.t('quota.books.unreadable'),
      color: COLOURS.failure,
    };
  }
  const lines = report.differing.slice(0, JOBS_SHOWN).map((job) =>
    tr.t('quota.books.differingJob', {
      job: job.jobId,
      member: job.memberId,
      kind: kindOf(job.kind, tr),
      paid: job.memberPaid,
      charged: job.percifyCharged,
    }),
  );
  if (report.differing.length > JOBS_SHOWN) {
    lines.push(tr.t('quota.books.more', { count: report.differing.length - JOBS_SHOWN }));
  }
  return {
    title: tr.t('quota.books.title'),
    description:
      report.differing.length === 0
        ? tr.t('quota.books.allMatch', { count: report.compared })
        : tr.t('quota.books.differ', {
            count: report.differing.length,
            compared: report.compared,
            lines: lines.join('\n'),
          }),
    fields: [
      { name: tr.t('quota.books.membersPaid'), value: tr.credits(report.memberPaid), inline: true },
      { name: tr.t('quota.books.percifyCharged'), value: tr.credits(report.percifyCharged), inline: true },
      { name: tr.t('quota.books.difference'), value: formatDifference(report.difference, tr), inline: true },
    ],
    color: report.difference === 0 && report.differing.length === 0 ? COLOURS.success : COLOURS.working,
  };
}
