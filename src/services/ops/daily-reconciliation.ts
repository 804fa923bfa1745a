import type { Logger } from '../../logger.js';
import type { Translator } from '../i18n/index.js';
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
        // In the server's language (AdminAlerts picks it): the alerts channel is read by its admins.
        await this.options.alerts.notify(guildId, {
          kind: 'books-differ',
          text: (tr) => ({
            title: tr.t('quota.alerts.booksDifferTitle'),
            description: tr.t('quota.alerts.booksDiffer', {
              paid: report.memberPaid,
              charged: report.percifyCharged,
              difference: formatDifference(report.difference, tr),
              jobs: report.differing
                .slice(0, 5)
                .map((job) =>
                  tr.t('quota.alerts.differingJob', {
                    job: job.jobId,
                    paid: job.memberPaid,
                    charged: job.percifyCharged,
                  }),
                )
                .join(', '),
            }),
          }),
        });
      }
    }
    this.options.metrics.setReconciliationDifference(total);
    return reports;
  }
}

/** "+12 credits" or "-3 credits", from the operator's side, in the reader's language. */
export function formatDifference(difference: number, tr: Translator): string {
  return `${difference > 0 ? '+' : ''}${tr.credits(difference)}`;
}
