import type { Logger } from '../../logger.js';
import {
  DeliveryFailedError,
  type DeliveryPath,
  type Messenger,
  type ReplyTarget,
} from '../delivery/messenger.js';
import { DEFAULT_LANGUAGE } from '../../locales.js';
import { forChannel, type I18n, type Message } from '../i18n/index.js';
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
  /** A job's public reply speaks the channel's language (`forChannel`, from the job's record). */
  i18n: I18n;
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
export const UNDELIVERABLE: Message = { key: 'guide.failures.undeliverable' };

/**
 * Where a job's answers go: its interaction reply while the token lives, then the channel. `ready`
 * follows the member's mention when a result is posted anew (in the channel's language).
 */
export function replyTarget(job: JobRecord, ready?: string): ReplyTarget {
  return {
    ready,
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
    const tr = forChannel(this.options.i18n, job);
    await this.options.stopTracking(job.id, false);
    let delivered;
    let rendered;
    try {
      rendered = await handler.renderResult(job);
      // Above a result that arrived after the member was told it failed.
      const body = job.deliveredLate
        ? { ...rendered.body, content: tr.t('guide.delivery.lateNote') }
        : rendered.body;
      delivered = await this.options.messenger.deliver(replyTarget(job, tr.t('guide.delivery.ready')), body);
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

  /**
   * `reason` is rendered in the channel's language for the job's reply; the ledger and the record keep
   * it in English for the logs and admins (`/credits` reads the code), and the record keeps the
   * message itself (`failure.says`) so a later render can speak another language.
   * `watch.lateWatchUntil`: Percify may still finish; until then a late result is delivered free.
   */
  async fail(
    job: JobRecord,
    code: string,
    reason: Message,
    stage?: string,
    watch: { lateWatchUntil?: number } = {},
  ): Promise<void> {
    const tr = forChannel(this.options.i18n, job);
    const english = this.options.i18n.translator(DEFAULT_LANGUAGE).render(reason);
    await this.options.stopTracking(job.id, true);
    await this.options.credits.release(job.id, `${code}: ${english}`);
    try {
      await this.options.messenger.deliver(
        replyTarget(job, tr.t('guide.delivery.ready')),
        this.options.handler(job).renderFailure(job, tr.render(reason)),
      );
    } catch (error) {
      // The refund stands either way; the member will see their balance is whole.
      this.options.logger.warn({ jobId: job.id, err: error }, 'could not tell the member about a failure');
    }
    const failed = await this.options.jobs.save(job, (current) => ({
      ...current,
      state: 'failed',
      failure: { code, message: english, says: reason, stage },
      lateWatchUntil: watch.lateWatchUntil,
      finishedAt: this.options.now(),
    }));
    this.options.finished(failed);
  }
}
