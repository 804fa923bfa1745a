import type { Logger } from '../../logger.js';
import {
  DeliveryFailedError,
  type DeliveryPath,
  type Messenger,
  type ReplyTarget,
} from '../delivery/messenger.js';
import type { JobKindHandler } from './job-kind.js';
import type { JobRecord } from './job-record.js';
import type { JobStore } from './job-store.js';

/** The two ways a reservation ends; the ledger makes both idempotent by job id. */
export interface CreditSettlement {
  capture(jobId: string, actual: number): Promise<unknown>;
  release(jobId: string, reason: string): Promise<unknown>;
}

export interface JobEndingsOptions {
  jobs: JobStore;
  credits: CreditSettlement;
  messenger: Messenger;
  logger: Logger;
  handler: (job: JobRecord) => JobKindHandler;
  now: () => number;
  /** The job stops showing progress (and, on a failure, leaves its plan slot). */
  stopTracking: (jobId: string, leaveQueue: boolean) => Promise<void>;
  /** A delivery failed for now: try again after the retry delay for this attempt (within the deadline). */
  retryLater: (job: JobRecord, attempts: number) => void;
  /** Tries at delivering one result before it counts as undeliverable (Discord keeps refusing). */
  maxDeliveryAttempts: number;
  /** The job reached a final state (done or failed). */
  finished: (job: JobRecord) => void;
  onDelivered?: ((path: DeliveryPath, job: JobRecord) => void) | undefined;
}

/** Why a job ends when its result cannot reach the member (every path refused, or out of time). */
export const UNDELIVERABLE = 'The result could not be posted here.';

/** Above a result that arrived after the member was told it failed. */
const LATE_NOTE = '🎁 This finished after all, after we had given up on it, so it is free.';

/** Where a job's answers go: its interaction reply while the token lives, then the channel. */
export function replyTarget(job: JobRecord): ReplyTarget {
  return {
    applicationId: job.interaction.applicationId,
    interactionToken: job.interaction.token,
    interactionCreatedAt: job.interaction.createdAt,
    channelId: job.channelId,
    messageId: job.replyMessageId,
    ownerId: job.ownerId,
  };
}

/**
 * The two ways a job ends, with the member's credits settled exactly once: delivered and charged, or
 * failed with the hold released and the member told. Kept apart from the runner's state machine
 * because what "ending well" means (fallbacks, charging rules, what the member reads) changes for
 * other reasons than how a job moves through Percify.
 */
export class JobEndings {
  constructor(private readonly options: JobEndingsOptions) {}

  async deliver(job: JobRecord): Promise<void> {
    const handler = this.options.handler(job);
    await this.options.stopTracking(job.id, false);
    let delivered;
    let rendered;
    try {
      rendered = await handler.renderResult(job);
      const body = job.deliveredLate ? { ...rendered.body, content: LATE_NOTE } : rendered.body;
      delivered = await this.options.messenger.deliver(replyTarget(job), body);
    } catch (error) {
      const attempts = job.attempts + 1;
      if (
        (error instanceof DeliveryFailedError && !error.transient) ||
        attempts >= this.options.maxDeliveryAttempts
      ) {
        this.options.logger.error(
          { jobId: job.id, attempts, err: error },
          'result could not be delivered anywhere',
        );
        return this.fail(job, 'undeliverable', UNDELIVERABLE);
      }
      this.options.logger.warn({ jobId: job.id, attempts, err: error }, 'delivery failed; retrying');
      const saved = await this.options.jobs.save(job, (current) => ({ ...current, attempts }));
      return this.options.retryLater(saved, attempts);
    }
    this.options.onDelivered?.(delivered.path, rendered.job);
    const withMedia = handler.afterDelivery?.(rendered.job, delivered.message) ?? rendered.job;
    // Charged only once the member has the result; capture is idempotent if we crash right here.
    await this.options.credits.capture(job.id, job.chargedCredits ?? 0);
    const done = await this.options.jobs.save(job, () => ({
      ...withMedia,
      state: 'done',
      deliveredVia: delivered.path,
      replyMessageId: job.replyMessageId ?? delivered.message.id,
      finishedAt: this.options.now(),
    }));
    this.options.finished(done);
  }

  /** `watch.lateWatchUntil`: Percify may still finish; until then a late result is delivered free. */
  async fail(
    job: JobRecord,
    code: string,
    reason: string,
    stage?: string,
    watch: { lateWatchUntil?: number } = {},
  ): Promise<void> {
    await this.options.stopTracking(job.id, true);
    await this.options.credits.release(job.id, `${code}: ${reason}`);
    try {
      await this.options.messenger.deliver(
        replyTarget(job),
        this.options.handler(job).renderFailure(job, reason),
      );
    } catch (error) {
      // The refund stands either way; the member will see their balance is whole.
      this.options.logger.warn({ jobId: job.id, err: error }, 'could not tell the member about a failure');
    }
    const failed = await this.options.jobs.save(job, (current) => ({
      ...current,
      state: 'failed',
      failure: { code, message: reason, stage },
      lateWatchUntil: watch.lateWatchUntil,
      finishedAt: this.options.now(),
    }));
    this.options.finished(failed);
  }
}
