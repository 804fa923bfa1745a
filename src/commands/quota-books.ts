import type { APIEmbed } from 'discord.js';
import type { BotContext } from '../context.js';
import { COLOURS, credits } from '../services/delivery/style.js';
import { formatDifference } from '../services/ops/daily-reconciliation.js';

/** Differing jobs listed in the embed; the rest are counted. */
const JOBS_SHOWN = 10;

/**
 * `/quota usage compare:True`: the period's jobs as this bot charged them against Percify's own
 * credit history. Percify being unreachable must not cost the admin the usage report itself.
 */
export async function renderBooksComparison(
  ctx: BotContext,
  guildId: string,
  range: { from: number; to: number },
): Promise<APIEmbed> {
  let report;
  try {
    report = await ctx.ops.reconciliation.compare([guildId], range);
  } catch (error) {
    ctx.logger.warn({ guildId, err: error }, 'reconciliation with Percify failed');
    return {
      title: "Percify's books",
      description: "Percify's credit history could not be read right now. Try again in a moment.",
      color: COLOURS.failure,
    };
  }
  const lines = report.differing
    .slice(0, JOBS_SHOWN)
    .map(
      (job) =>
        `\`${job.jobId}\` <@${job.memberId}> ${job.kind}: paid ${job.memberPaid}, Percify charged ${job.percifyCharged}`,
    );
  if (report.differing.length > JOBS_SHOWN) lines.push(`…and ${report.differing.length - JOBS_SHOWN} more`);
  return {
    title: "Percify's books",
    description:
      report.differing.length === 0
        ? `All ${report.compared} finished jobs match Percify's credit history.`
        : `${report.differing.length} of ${report.compared} finished jobs differ:\n${lines.join('\n')}`,
    fields: [
      { name: 'Members paid', value: credits(report.memberPaid), inline: true },
      { name: 'Percify charged', value: credits(report.percifyCharged), inline: true },
      { name: 'Difference', value: formatDifference(report.difference), inline: true },
    ],
    color: report.difference === 0 && report.differing.length === 0 ? COLOURS.success : COLOURS.working,
  };
}
