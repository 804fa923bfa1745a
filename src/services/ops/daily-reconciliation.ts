import type { Logger } from '../../logger.js';
import type { AdminAlerts } from './admin-alerts.js';
import type { OpsMetrics } from './ops-metrics.js';
import type { Reconciliation, ReconciliationReport } from './reconciliation.js';

export interface DailyReconciliationOptions {
  reconciliation: Pick<Reconciliation, 'compare'>;
  alerts: Pick<AdminAlerts, 'notify'>;
  metrics: OpsMetrics;
  logger: Logger;
  guildIds: () => Iterable<string>;
  /** A server whose books differ from Percify's by more than this many credits is alerted. */
  alertAbove: number;
  now?: () => number;
}

const DAY_MS = 86_400_000;

/**
 * Once a day, each server's last 24 hours are compared with Percify's credit history: the summary
 * goes to the log and the metrics, and a server whose books differ by more than the threshold gets
 * an alert listing the jobs that differ.
 */
export class DailyReconciliation {
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DailyReconciliationOptions) {
    this.#now = options.now ?? Date.now;
  }

  start(everyMs = DAY_MS): void {
    this.#timer = setInterval(() => {
      this.run().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'daily reconciliation failed'),
      );
    }, everyMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Compares the last 24 hours of every server; resolves to each server's report. */
  async run(): Promise<Map<string, ReconciliationReport>> {
    const to = this.#now();
    const reports = new Map<string, ReconciliationReport>();
    let total = 0;
    for (const guildId of this.options.guildIds()) {
      const report = await this.options.reconciliation.compare([guildId], { from: to - DAY_MS, to });
      reports.set(guildId, report);
      total += report.difference;
      this.options.logger.info(
        {
          guildId,
          compared: report.compared,
          memberPaid: report.memberPaid,
          percifyCharged: report.percifyCharged,
          difference: report.difference,
          differingJobs: report.differing.map((job) => job.jobId),
        },
        'daily reconciliation with Percify',
      );
      if (Math.abs(report.difference) > this.options.alertAbove) {
        await this.options.alerts.notify(guildId, {
          kind: 'books-differ',
          title: "⚠️ The bot's books differ from Percify's",
          description:
            `In the last 24 hours members paid **${report.memberPaid}** credits and Percify charged ` +
            `**${report.percifyCharged}** for the same jobs (${formatDifference(report.difference)}). ` +
            `Jobs that differ: ${report.differing
              .slice(0, 5)
              .map((job) => `\`${job.jobId}\` (${job.memberPaid} vs ${job.percifyCharged})`)
              .join(', ')}. \`/quota usage compare:True\` shows the details.`,
        });
      }
    }
    this.options.metrics.setReconciliationDifference(total);
    return reports;
  }
}

/** "+12 credits" or "-3 credits", from the operator's side. */
export function formatDifference(difference: number): string {
  return `${difference > 0 ? '+' : ''}${difference} credit${Math.abs(difference) === 1 ? '' : 's'}`;
}
