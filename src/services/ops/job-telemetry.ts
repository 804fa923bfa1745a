import type { Logger } from '../../logger.js';
import type { SettleOutcome } from '../credits/index.js';
import type { DeliveryPath } from '../delivery/messenger.js';
import type { JobRecord } from '../jobs/job-record.js';
import type { Metrics } from '../metrics.js';
import type { OpsMetrics } from './ops-metrics.js';

/** The steps of a job a person following the log wants to see, one info line each. */
export type JobStep = 'submitted' | 'completed';

export interface JobTelemetryOptions {
  logger: Logger;
  metrics: Metrics;
  ops: OpsMetrics;
  now?: () => number;
}

/** Who and what a job line is about: enough to grep one server, one member or one job. */
function subject(job: JobRecord) {
  return { guildId: job.guildId, jobId: job.id, memberId: job.ownerId, kind: job.kind };
}

/** The label that splits a kind's timings: a video's tier, an image's model. */
export function tierOf(job: JobRecord): string {
  return job.kind === 'video' ? job.params.tier : job.params.model;
}

/**
 * Turns what happens to jobs into log lines and metrics, in one place, so the job runner and the
 * commands only say what happened. Nothing here logs a prompt, a token or an interaction.
 */
export class JobTelemetry {
  readonly #logger: Logger;
  readonly #now: () => number;
  /** Jobs whose queue wait is recorded: a video's later stages are submitted again, not queued again. */
  readonly #waited = new Set<string>();

  constructor(private readonly options: JobTelemetryOptions) {
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  queued(job: JobRecord): void {
    this.options.metrics.countCredits('reserved', job.reservedCredits);
    this.#logger.info({ ...subject(job), reserved: job.reservedCredits }, 'job queued');
  }

  step(step: JobStep, job: JobRecord): void {
    if (step === 'submitted') {
      if (!this.#waited.has(job.id)) {
        this.#waited.add(job.id);
        const waited = ((job.submittedAt ?? this.#now()) - job.createdAt) / 1000;
        this.options.ops.observeQueueWait(job.kind, tierOf(job), waited);
      }
      this.#logger.info({ ...subject(job), percifyIds: job.percifyIds }, 'job submitted to Percify');
      return;
    }
    this.#logger.info({ ...subject(job), toCharge: job.chargedCredits }, 'job completed by Percify');
  }

  delivered(job: JobRecord, path: DeliveryPath): void {
    this.options.metrics.countDelivery(path);
    this.#logger.info({ ...subject(job), path }, 'job delivered');
  }

  /** A reservation ended: charged once delivered, or refunded. */
  settled(outcome: SettleOutcome): void {
    if (outcome.status === 'unknown') return;
    const { reservation } = outcome;
    const who = {
      guildId: reservation.guildId,
      jobId: outcome.jobId,
      memberId: reservation.memberId,
      kind: reservation.usage.kind,
    };
    if (outcome.status === 'captured') {
      this.options.metrics.countCredits('captured', outcome.charged);
      this.options.metrics.countCredits('released', outcome.released);
      this.#logger.info(
        { ...who, charged: outcome.charged, released: outcome.released, absorbed: outcome.absorbed },
        'job charged',
      );
      return;
    }
    this.options.metrics.countCredits('released', outcome.released);
    this.#logger.info({ ...who, refunded: outcome.released, reason: outcome.reason }, 'job refunded');
  }

  finished(job: JobRecord): void {
    this.#waited.delete(job.id);
    const outcome = job.state === 'done' ? 'done' : (job.failure?.code ?? 'failed');
    this.options.ops.countJobFinished(job.kind, outcome);
    const took = ((job.finishedAt ?? this.#now()) - job.createdAt) / 1000;
    this.options.ops.observeJobDuration(job.kind, tierOf(job), took);
    if (job.state === 'failed') {
      this.#logger.info(
        { ...subject(job), code: job.failure?.code, stage: job.failure?.stage },
        'job failed',
      );
    }
  }
}
