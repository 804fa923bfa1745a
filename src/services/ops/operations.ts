import type { Client } from 'discord.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Ledger } from '../credits/index.js';
import type { DeliveryPath } from '../delivery/messenger.js';
import type { JobRecord } from '../jobs/job-record.js';
import type { JobStore } from '../jobs/job-store.js';
import type { Metrics } from '../metrics.js';
import type { PercifyClient } from '../percify/client.js';
import type { RequestInfo } from '../percify/http.js';
import type { I18n } from '../i18n/index.js';
import type { Store } from '../store.js';
import { AdminAlerts } from './admin-alerts.js';
import { AlertChannels } from './alert-channels.js';
import { AlertWatch } from './alert-watch.js';
import { DailyReconciliation } from './daily-reconciliation.js';
import { instrumentDiscord } from './discord-instruments.js';
import type { OpsServices } from './index.js';
import { JobTelemetry, type JobStep } from './job-telemetry.js';
import { openJobCounts } from './open-job-counts.js';
import { createOpsMetrics, type OpsMetrics } from './ops-metrics.js';
import { startOpsServer, type OpsServer } from './ops-server.js';
import { PercifyReachability } from './percify-reachability.js';
import { readinessProbe } from './readiness.js';
import { Reconciliation } from './reconciliation.js';
import { observedSettlement, type Settlement } from './settlement-telemetry.js';

export interface OperationsOptions {
  config: Config;
  logger: Logger;
  /** The bot's registry; the operational metrics join it. */
  metrics: Metrics;
  now: () => number;
}

/** The rest of the bot, once it is built. */
export interface OperationsParts {
  store: Store;
  client: Client;
  ledger: Ledger;
  jobs: JobStore;
  percify: PercifyClient;
  /** Alerts are written in each server's language. */
  i18n: I18n;
}

/** What the job runner reports to operations. */
/** Arrow functions, so they can be handed to the job runner on their own. */
export interface JobHooks {
  onStep: (step: JobStep, job: JobRecord) => void;
  onDelivered: (path: DeliveryPath, job: JobRecord) => void;
  onJobFinished: (job: JobRecord) => void;
}

/**
 * Everything the operator has of the bot: job telemetry, the metrics listener with /livez and
 * /readyz, admin alerts and the reconciliation with Percify's books. Built in two steps because the
 * Percify client needs `recordPercifyRequest` before the parts `attach` needs exist.
 */
export class Operations {
  readonly metrics: OpsMetrics;
  readonly telemetry: JobTelemetry;
  readonly #reachability: PercifyReachability;
  #attached: { services: OpsServices; watch: AlertWatch; parts: OperationsParts } | undefined;
  #server: OpsServer | undefined;

  constructor(private readonly options: OperationsOptions) {
    this.metrics = createOpsMetrics(options.metrics.registry);
    this.telemetry = new JobTelemetry({ ...options, ops: this.metrics });
    this.#reachability = new PercifyReachability(options.now);
  }

  /** The Percify client's `onRequest` hook: feeds /readyz and the unreachable alert. */
  recordPercifyRequest(info: RequestInfo): void {
    this.#reachability.record(info);
  }

  attach(parts: OperationsParts): OpsServices {
    const { config, logger, now } = this.options;
    const guildIds = () => parts.client.guilds.cache.keys();
    const alertChannels = new AlertChannels(parts.store);
    const alerts = new AdminAlerts({
      channels: alertChannels,
      rest: parts.client.rest,
      logger,
      metrics: this.metrics,
      i18n: parts.i18n,
      guildLocale: (guildId) => parts.client.guilds.cache.get(guildId)?.preferredLocale,
      guildIds,
      now,
    });
    const watch = new AlertWatch({
      alerts,
      ledger: parts.ledger,
      percifyBalance: () => parts.percify.getCreditBalance(),
      reachability: this.#reachability,
      logger,
      lowCredits: config.ALERT_LOW_CREDITS,
      unreachableAfterMs: config.ALERT_PERCIFY_DOWN_SECONDS * 1000,
      now,
    });
    const reconciliation = new Reconciliation({
      ledger: parts.ledger,
      jobs: parts.jobs,
      history: (page) => parts.percify.getCreditHistory(page),
    });
    const dailyReconciliation = new DailyReconciliation({
      reconciliation,
      alerts,
      metrics: this.metrics,
      logger,
      guildIds,
      alertAbove: config.ALERT_BOOKS_DIFFER_CREDITS,
      now,
    });
    this.options.metrics.trackJobs(openJobCounts(parts.jobs));
    instrumentDiscord(parts.client, this.metrics, now);
    const services = { telemetry: this.telemetry, alertChannels, reconciliation, dailyReconciliation };
    this.#attached = { services, watch, parts };
    return services;
  }

  /** The ledger as the job runner should settle through it: every outcome logged and watched. */
  settlement(ledger: Settlement): Settlement {
    return observedSettlement(
      ledger,
      (outcome) => {
        this.telemetry.settled(outcome);
        this.#attached?.watch.onSettled(outcome);
      },
      (error) => this.options.logger.warn({ err: error }, 'settlement observer failed'),
    );
  }

  readonly jobHooks: JobHooks = {
    onStep: (step, job) => this.telemetry.step(step, job),
    onDelivered: (path, job) => this.telemetry.delivered(job, path),
    onJobFinished: (job) => {
      this.telemetry.finished(job);
      this.#attached?.watch.onJobFinished(job);
    },
  };

  /** Opens the metrics listener; up before the gateway connects, so /readyz says what is missing. */
  async listen(): Promise<string> {
    const { parts } = this.#required();
    this.#server = await startOpsServer({
      host: this.options.config.METRICS_HOST,
      port: this.options.config.METRICS_PORT,
      logger: this.options.logger,
      metrics: this.options.metrics,
      readiness: readinessProbe({
        store: parts.store,
        client: parts.client,
        reachability: this.#reachability,
        probePercify: () => parts.percify.getCreditBalance(),
        now: this.options.now,
      }),
    });
    return this.#server.url;
  }

  /** Starts the periodic checks (account balance, daily reconciliation) once the bot runs. */
  startSchedules(): void {
    const { services, watch } = this.#required();
    watch.start();
    services.dailyReconciliation.start();
  }

  async stop(): Promise<void> {
    this.#attached?.watch.stop();
    this.#attached?.services.dailyReconciliation.stop();
    await this.#server?.close();
  }

  #required() {
    if (!this.#attached) throw new Error('Operations.attach must run first');
    return this.#attached;
  }
}
