import type { DailyReconciliation } from './daily-reconciliation.js';
import type { AlertChannels } from './alert-channels.js';
import type { JobTelemetry } from './job-telemetry.js';
import type { Reconciliation } from './reconciliation.js';

/** What commands use of the operations services, handed in through the context. */
export interface OpsServices {
  readonly telemetry: JobTelemetry;
  /** Where `/quota alerts` points each server's alerts. */
  readonly alertChannels: AlertChannels;
  /** This bot's charges against Percify's credit history, for `/quota usage compare:`. */
  readonly reconciliation: Reconciliation;
  /** The daily comparison of every server, also run on demand by tests and operators. */
  readonly dailyReconciliation: DailyReconciliation;
}
