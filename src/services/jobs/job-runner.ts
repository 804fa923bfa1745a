import type { Logger } from '../../logger.js';
import {
  DeliveryFailedError,
  type DeliveryPath,
  type Messenger,
  type ReplyTarget,
} from '../delivery/messenger.js';
import { FairQueue, type QueuedItem } from './fair-queue.js';
import type { CheckOutcome, JobKindHandler } from './job-kind.js';
import { FINAL_STATES, type JobKind, type JobRecord } from './job-record.js';
import { JobScheduler } from './job-scheduler.js';
import type { JobStore } from './job-store.js';
import { nextPollDelay, planPolls } from './poll-schedule.js';
import { ProgressUpdates } from './progress-updates.js';
import { QueuePositionDisplay } from './queue-positions.js';
import { ResourceIndex } from './resource-index.js';

/** The two ways a reservation ends; the ledger makes both idempotent by job id. */
export interface CreditSettlement {
  capture(jobId: string, actual: number): Promise<unknown>;
  release(jobId: string, reason: string): Promise<unknown>;
}

export interface JobRunnerOptions {
  jobs: JobStore;
  handlers: Partial<Record<JobKind, JobKindHandler>>;
  credits: CreditSettlement;
  messenger: Messenger;
  /** The plan's concurrent generations. */
  capacity: number;
  logger: Logger;
  now?: () => number;
  /** Simulator speed-up, shrinking the documented processing times the polls are paced by. */
  speed?: number;
  /** Webhooks end waits early, so polls only back them up (see planPolls). */
  webhooks?: boolean;
  progressIntervalMs?: number;
  /** Wait before asking again after an unknown outcome, a refused delivery or an unreachable API. */
  retryDelayMs?: (attempt: number) => number;
  maxSubmitAttempts?: number;
  onJobFinished?: (job: JobRecord) => void;
  onDelivered?: (path: DeliveryPath, job: JobRecord) => void;
  /** Percify accepted a job (or a stage of it), or finished it: for the log and the metrics. */
  onStep?: (step: 'submitted' | 'completed', job: JobRecord) => void;
}

interface QueueItem extends QueuedItem {
  kind: JobKind;
}

/** How long a job may wait for Percify to accept it (outages, rate limits) before it is refunded. */
const MAX_WAIT_MS = 30 * 60_000;

const MESSAGES = {
  timedOut: 'Percify did not finish this in time.',
  undeliverable: 'The result could not be posted here.',
  submitGaveUp: 'Percify could not be reached for a while.',
} as const;

/**
 * The jobs' state machine: takes each job from its record to a delivered result or a refund: waits
 * for a plan slot, submits, tracks by polling (a webhook only makes the next look come sooner),
 * delivers, and settles the credits exactly once. Every step is written to the job record before the
 * next one starts, so `resume()` can pick any job up where a crash left it. When steps run is the
 * scheduler's business; what a waiting reply shows, the position display's.
 */
export class JobRunner {
  readonly #queue: FairQueue<QueueItem>;
  readonly #progress: ProgressUpdates;
  readonly #scheduler: JobScheduler;
  readonly #resources = new ResourceIndex();
  readonly #positions: QueuePositionDisplay;
  readonly #now: () => number;

  constructor(private readonly options: JobRunnerOptions) {
    this.#now = options.now ?? Date.now;
    this.#scheduler = new JobScheduler({
      step: (jobId) => this.#step(jobId),
      logger: options.logger,
      retryDelayMs: options.retryDelayMs,
    });
    this.#positions = new QueuePositionDisplay((jobId, position) => {
      void this.options.jobs
        .get(jobId)
        .then((job) => {
          if (job && job.state === 'queued') this.#showProgress(job, position);
        })
        // Only a display: a store blip here must not end the process.
        .catch((error: unknown) => options.logger.warn({ jobId, err: error }, 'queue position not shown'));
    });
    this.#queue = new FairQueue<QueueItem>({
      capacity: options.capacity,
      onStart: (item) => this.#schedule(item.id, 0),
      onPositionsChanged: () => this.#positions.update(this.#queue.positions()),
    });
    this.#progress = new ProgressUpdates(
      options.progressIntervalMs ?? 5_000,
      (jobId, error) => options.logger.warn({ jobId, err: error }, 'progress edit failed'),
      this.#now,
    );
  }

  get queue(): Pick<
    FairQueue<QueueItem>,
    'used' | 'capacity' | 'waitingCount' | 'runningCount' | 'position'
  > {
    return this.#queue;
  }

  /** A new job whose record is written (state queued) and whose first answer is sent. */
  add(job: JobRecord): void {
    this.#queue.enqueue(this.#item(job));
  }

  /** Picks up every unfinished job after a start-up, in the order they were created. */
  async resume(): Promise<{ resumed: number; released: number }> {
    let resumed = 0;
    let released = 0;
    for (const id of await this.options.jobs.openIds()) {
      const job = await this.options.jobs.get(id);
      if (!job) {
        // Claimed but never recorded: the bot stopped before the member was answered.
        await this.options.credits.release(id, 'interrupted before the job was recorded');
        await this.options.jobs.forget(id);
        released++;
        continue;
      }
      if (FINAL_STATES.has(job.state)) {
        await this.options.jobs.forget(id);
        continue;
      }
      resumed++;
      this.#resources.add(job);
      if (job.state === 'queued') this.#queue.enqueue(this.#item(job));
      else if (job.state === 'delivering') this.#schedule(job.id, 0);
      else {
        this.#queue.adopt(this.#item(job));
        this.#schedule(job.id, 0);
      }
    }
    return { resumed, released };
  }

  /** A webhook named this resource: look at its job now instead of at the next planned poll. */
  nudge(resourceId: string): 'handled' | 'unknown' {
    const jobId = this.#resources.jobFor(resourceId);
    if (!jobId) return 'unknown';
    this.#schedule(jobId, 0);
    return 'handled';
  }

  /** Stops timers and waits for steps under way, so every write finishes before the store closes. */
  async stop(): Promise<void> {
    const steps = this.#scheduler.stop();
    this.#progress.stop();
    await steps;
  }

  #item(job: JobRecord): QueueItem {
    const handler = this.#handler(job);
    return { id: job.id, memberId: job.ownerId, weight: handler.weight(job), kind: job.kind };
  }

  #handler(job: JobRecord): JobKindHandler {
    const handler = this.options.handlers[job.kind];
    if (!handler) throw new Error(`no handler for ${job.kind} jobs`);
    return handler;
  }

  #schedule(jobId: string, delayMs: number): void {
    this.#scheduler.schedule(jobId, delayMs);
  }

  #retryDelay(attempt: number): number {
    return this.#scheduler.retryDelay(attempt);
  }

  async #step(jobId: string): Promise<void> {
    if (this.#scheduler.stopped) return;
    const job = await this.options.jobs.get(jobId);
    if (!job || FINAL_STATES.has(job.state)) {
      this.#queue.finish(jobId);
      return;
    }
    switch (job.state) {
      case 'queued':
        return this.#submit(job);
      case 'submitting':
        return this.#reconcile(job);
      case 'processing':
        return this.#poll(job);
      case 'delivering':
        return this.#deliver(job);
      case 'done':
      case 'failed':
        // Final states are handled above; listed so a new state cannot be forgotten here.
        return;
    }
  }

  async #save(job: JobRecord, change: (job: JobRecord) => JobRecord): Promise<JobRecord> {
    const saved = await this.options.jobs.update(job.id, change);
    if (!saved) throw new Error(`job ${job.id} vanished from the store`);
    return saved;
  }

  async #submit(job: JobRecord): Promise<void> {
    const maxAttempts = this.options.maxSubmitAttempts ?? 6;
    if (job.attempts >= maxAttempts) return this.#fail(job, 'submit_gave_up', MESSAGES.submitGaveUp);
    // Written before the request: a crash from here on is reconciled, never blindly resent.
    const submitting = await this.#save(job, (current) => ({
      ...current,
      state: 'submitting',
      attempts: current.attempts + 1,
    }));
    const outcome = await this.#handler(job).submit(submitting);
    switch (outcome.status) {
      case 'accepted':
        return this.#accepted(outcome.job);
      case 'refused':
        return this.#fail(submitting, outcome.code, outcome.reason);
      case 'retry':
        // Nothing was created, and Percify (or the network) asked for a wait: that is not a failed
        // attempt, so an outage delays the job instead of refunding it, up to MAX_WAIT_MS in all.
        if (this.#now() - job.createdAt > MAX_WAIT_MS)
          return this.#fail(submitting, 'submit_gave_up', MESSAGES.submitGaveUp);
        await this.#save(submitting, (current) => ({
          ...current,
          state: 'queued',
          attempts: current.attempts - 1,
        }));
        this.options.logger.info({ jobId: job.id, afterMs: outcome.afterMs }, outcome.reason);
        return this.#schedule(job.id, outcome.afterMs);
      case 'unknown':
        this.options.logger.warn({ jobId: job.id }, `submission outcome unknown: ${outcome.reason}`);
        return this.#schedule(job.id, this.#retryDelay(submitting.attempts));
    }
  }

  async #accepted(job: JobRecord): Promise<void> {
    const saved = await this.#save(job, () => ({
      ...job,
      state: 'processing',
      submittedAt: job.submittedAt ?? this.#now(),
    }));
    this.#resources.add(saved);
    this.options.onStep?.('submitted', saved);
    this.#showProgress(saved);
    this.#schedulePoll(saved);
  }

  async #reconcile(job: JobRecord): Promise<void> {
    const outcome = await this.#handler(job).reconcile(job);
    if (outcome.status === 'found') return this.#accepted(outcome.job);
    if (outcome.status === 'absent') {
      await this.#save(job, (current) => ({ ...current, state: 'queued' }));
      return this.#submit({ ...job, state: 'queued' });
    }
    this.#schedule(job.id, this.#retryDelay(job.attempts));
  }

  #schedulePoll(job: JobRecord): void {
    const plan = planPolls(this.#handler(job).expected(job), {
      speed: this.options.speed ?? 1,
      webhooks: this.options.webhooks ?? false,
    });
    const elapsed = this.#now() - (job.submittedAt ?? this.#now());
    const delay = nextPollDelay(plan, elapsed);
    if (delay === null) {
      void this.#scheduler.exclusive(job.id, () => this.#fail(job, 'timed_out', MESSAGES.timedOut));
      return;
    }
    this.#schedule(job.id, delay);
  }

  async #poll(job: JobRecord): Promise<void> {
    let outcome: CheckOutcome;
    try {
      outcome = await this.#handler(job).check(job);
    } catch (error) {
      // Percify unreachable or confused for a moment: the plan's next look will ask again.
      this.options.logger.warn({ jobId: job.id, err: error }, 'could not read job state');
      outcome = { status: 'pending' };
    }
    switch (outcome.status) {
      case 'pending':
        // Progress estimates move with time; the throttle keeps this to one edit per interval.
        this.#showProgress(job);
        return this.#schedulePoll(job);
      case 'next-stage': {
        // Each stage has the whole retry budget: a voice that needed retries must not starve the video.
        const next = await this.#save(job, () => ({
          ...outcome.job,
          state: 'queued',
          submittedAt: undefined,
          attempts: 0,
        }));
        return this.#submit(next);
      }
      case 'completed': {
        this.#queue.finish(job.id);
        const delivering = await this.#save(job, () => ({
          ...outcome.job,
          state: 'delivering',
          chargedCredits: Math.min(outcome.creditCost, job.reservedCredits),
        }));
        this.options.onStep?.('completed', delivering);
        return this.#deliver(delivering);
      }
      case 'failed':
        return this.#fail(job, outcome.code, outcome.reason, outcome.stage);
    }
  }

  #target(job: JobRecord): ReplyTarget {
    return {
      applicationId: job.interaction.applicationId,
      interactionToken: job.interaction.token,
      interactionCreatedAt: job.interaction.createdAt,
      channelId: job.channelId,
      messageId: job.replyMessageId,
      ownerId: job.ownerId,
    };
  }

  async #deliver(job: JobRecord): Promise<void> {
    const handler = this.#handler(job);
    await this.#progress.forget(job.id);
    let delivered;
    let rendered;
    try {
      rendered = await handler.renderResult(job);
      delivered = await this.options.messenger.deliver(this.#target(job), rendered.body);
    } catch (error) {
      if (error instanceof DeliveryFailedError && !error.transient) {
        this.options.logger.error({ jobId: job.id, err: error }, 'result could not be delivered anywhere');
        return this.#fail(job, 'undeliverable', MESSAGES.undeliverable);
      }
      this.options.logger.warn({ jobId: job.id, err: error }, 'delivery failed; retrying');
      const attempts = job.attempts + 1;
      await this.#save(job, (current) => ({ ...current, attempts }));
      return this.#schedule(job.id, this.#retryDelay(attempts));
    }
    this.options.onDelivered?.(delivered.path, rendered.job);
    const withMedia = handler.afterDelivery?.(rendered.job, delivered.message) ?? rendered.job;
    // Charged only once the member has the result; capture is idempotent if we crash right here.
    await this.options.credits.capture(job.id, job.chargedCredits ?? 0);
    const done = await this.#save(job, () => ({
      ...withMedia,
      state: 'done',
      deliveredVia: delivered.path,
      replyMessageId: job.replyMessageId ?? delivered.message.id,
      finishedAt: this.#now(),
    }));
    this.#finished(done);
  }

  async #fail(job: JobRecord, code: string, reason: string, stage?: string): Promise<void> {
    this.#queue.finish(job.id);
    await this.#progress.forget(job.id);
    await this.options.credits.release(job.id, `${code}: ${reason}`);
    try {
      await this.options.messenger.deliver(this.#target(job), this.#handler(job).renderFailure(job, reason));
    } catch (error) {
      // The refund stands either way; the member will see their balance is whole.
      this.options.logger.warn({ jobId: job.id, err: error }, 'could not tell the member about a failure');
    }
    const failed = await this.#save(job, (current) => ({
      ...current,
      state: 'failed',
      failure: { code, message: reason, stage },
      finishedAt: this.#now(),
    }));
    this.#finished(failed);
  }

  #finished(job: JobRecord): void {
    this.#resources.remove(job);
    this.options.onJobFinished?.(job);
  }

  #showProgress(job: JobRecord, position?: number): void {
    const body = this.#handler(job).renderPending(job, { position, startedAt: job.submittedAt });
    this.#progress.push(job.id, async () => {
      await this.options.messenger.editProgress(this.#target(job), body);
    });
  }
}
