import type { Config } from './config.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';
import type { GuildSettingsService, Ledger } from './services/credits/index.js';
import type { CreationHistory } from './services/jobs/creations.js';
import type { JobRunner } from './services/jobs/job-runner.js';
import type { JobStore } from './services/jobs/job-store.js';
import type { I18n } from './services/i18n/index.js';
import type { InteractionClaims } from './services/interaction-claims.js';
import type { ShortLivedRecords } from './services/short-lived-records.js';
import type { Metrics } from './services/metrics.js';
import type { OpsServices } from './services/ops/index.js';
import type { PercifyClient } from './services/percify/client.js';
import type { Store } from './services/store.js';
import type { VoiceCatalog } from './services/voices/catalog.js';
import type { MemberFiles } from './services/member-files/member-file.js';

/**
 * The services a command or event handler may use, built once in `src/app.ts` (the same graph in
 * production, the sandbox and end-to-end tests) and handed in explicitly: no module-level singletons.
 */
export interface BotContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  /** The clock, injectable so tests can move time (day roll-over, token expiry). */
  readonly now: () => number;
  readonly store: Store;
  readonly settings: GuildSettingsService;
  readonly ledger: Ledger;
  readonly percify: PercifyClient;
  readonly jobs: JobStore;
  readonly runner: JobRunner;
  readonly metrics: Metrics;
  /** Each member's finished creations, for /gallery and avatar suggestions. */
  readonly history: CreationHistory;
  readonly voices: VoiceCatalog;
  /** Members' attachments (photos, voice samples), fetched from Discord's CDN only. */
  readonly memberFiles: MemberFiles;
  /** Drafts, Animate panels and pending confirms: records with a lifetime, swept when it is over. */
  readonly shortLived: ShortLivedRecords;
  /** Job telemetry (logs, metrics), admin alerts and reconciliation with Percify's books. */
  readonly ops: OpsServices;
  /** Which of several processes handles an interaction. */
  readonly claims: InteractionClaims;
  /** Every member-facing string by key, in the reader's language (src/services/i18n/README.md). */
  readonly i18n: I18n;
}
