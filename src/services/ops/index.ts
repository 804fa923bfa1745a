import type { AlertChannels } from './alert-channels.js';
import type { JobTelemetry } from './job-telemetry.js';

/** What commands use of the operations services, handed in through the context. */
export interface OpsServices {
  readonly telemetry: JobTelemetry;
  /** Where `/quota alerts` points each server's alerts. */
  readonly alertChannels: AlertChannels;
}
