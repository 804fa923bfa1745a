import type { Logger } from '../../logger.js';
import type { I18n, Message } from '../i18n/index.js';
import type { DeliveryPath, Messenger } from '../delivery/messenger.js';
import type { QueuedItem } from './fair-queue.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import type { JobQueue } from './job-queue.js';
import type { CheckOutcome, JobKindHandler } from './job-kind.js';
import { FINAL_STATES, type JobKind, type JobRecord } from './job-record.js';
import { JobEndings, UNDELIVERABLE, type CreditSettlement } from './job-endings.js';
import type { JobDeadlines } from './job-deadlines.js';
import { JobTiming } from './job-timing.js';
import type { JobStore } from './job-store.js';
import { JobProgress } from './job-progress.js';
import { POSITIONS_SHOWN } from './queue-positions.js';
import { resumeOpenJobs } from './job-resume.js';
import { LateResults } from './late-results.js';
import { ResourceIndex } from './resource-index.js';

export type { CreditSettlement } from './job-endings.js';

export interface JobRunnerOptions {
  jobs: JobStore;
  handlers: Partial<Record<JobKind, JobKindHandler>>;
  credits: CreditSettlement;
  messenger: Messenger;
  /** The plan's concurrent generations. */
  capacity: number;
  logger: Logger;
  /** The catalogs: a job's failure reply speaks its channel's language. */
  i18n: I18n;
  now?: () => number;
  /** Simulator speed-up, shrinking the documented processing times the polls are paced by. */
  speed?: number;
  /** Webhooks end waits early, so polls only back them up (see planPolls). */
  webhooks?: boolean;
  progressIntervalMs?: number;
  /** Wait before asking again after an unknown outcome, a refused delivery or an unreachable API. */
  retryDelayMs?: (attempt: number) => number;
  maxSubmitAttempts?: number;
  /** When each state must have ended (job-deadlines.ts); defaults documented there. */
  deadlines?: Partial<JobDeadlines>;
  onJobFinished?: (job: JobRecord) => void;
  onDelivered?: (path: DeliveryPath, job: JobRecord) => void;
  /** Percify accepted a job (or a stage of it), or finished it: for the log and the metrics. */
  onStep?: (step: 'submitted' | 'completed', job: JobRecord) => void;
  /**
   * Where slots and the line live; the in-process FairQueue by default. A shared queue (BullMQ on
   * Redis) lets several processes run jobs under one plan.
   */
  queue?: JobQueueFactory;
}

export interface QueueItem extends QueuedItem {
  kind: JobKind;
}

/** What a queue tells the runner: a job got its slot, or places in line moved. */
export interface JobQueueHooks {
  onStart: (item: QueueItem) => void;
  onPositionsChanged: () => void;
}

export type JobQueueFactory = (hooks: JobQueueHooks & { capacity: number }) => JobQueue<QueueItem>;

/** The runner's own reasons for ending a job, rendered in the channel's language by JobEndings. */
const MESSAGES = {
  timedOut: { key: 'guide.failures.timedOut' },
  submitGaveUp: { key: 'guide.failures.submitGaveUp' },
  waitedTooLong: { key: 'guide.failures.waitedTooLong' },
} as const satisfies Record<string, Message>;

/**
 * The jobs' state machine: takes each job from its record to a delivered result or a refund: waits
 * for a plan slot, submits, tracks by polling (a webhook only makes the next look come sooner),
 * delivers, and settles the credits exactly once. Every step is written to the job record before the
 * next one starts, so `resume()` can pick any job up where a crash left it. When steps run is the
 * timing's business (wake-ups, polls, deadlines); what a waiting reply shows, the position display's; how a job ends
 * (delivered and charged, or failed and refunded), JobEndings'. Every state has a deadline
 * (job-deadlines.ts): a step that finds its job past it takes one last look and ends the job.
 * Where the plan's slots and the line live is the queue's (job-queue.ts): in memory, or shared by
 * several processes on Redis, where a job's steps run only in the process holding its slot.
 */
export class JobRunner {
  readonly #queue: JobQueue<QueueItem>;
  readonly #progress: JobProgress;
  readonly #timing: JobTiming;
  readonly #resources = new ResourceIndex();
  readonly #endings: JobEndings;
  readonly #late: LateResults;
  readonly #sweep: NodeJS.Timeout;
  readonly #now: () => number;

  constructor(private readonly options: JobRunnerOptions) {
    this.#now = options.now ?? Date.now;
    this.#timing = new JobTiming({
      step: (jobId) => this.#step(jobId),
      handler: (job) => this.#handler(job),
      logger: options.logger,
      now: this.#now,
      deadlines: options.deadlines,
      speed: options.speed ?? 1,
      webhooks: options.webhooks ?? false,
      retryDelayMs: options.retryDelayMs,
    });
    this.#progress = new JobProgress({
      jobs: options.jobs,
      handler: (job) => this.#handler(job),
      messenger: options.messenger,
      logger: options.logger,
      now: this.#now,
      intervalMs: options.progressIntervalMs ?? 5_000,
    });
    const hooks = {
      capacity: options.capacity,
      onStart: (item: QueueItem) => this.#timing.wake(item.id, 0),
      onPositionsChanged: () => this.#progress.positionsChanged(this.#queue.positions(POSITIONS_SHOWN)),
    };
    this.#queue = options.queue?.(hooks) ?? new InProcessJobQueue<QueueItem>(hooks);
    this.#endings = new JobEndings({
      jobs: options.jobs,
      credits: options.credits,
      messenger: options.messenger,
      logger: options.logger,
      i18n: options.i18n,
      handler: (job) => this.#handler(job),
      now: this.#now,
      stopTracking: async (jobId, leaveQueue) => {
        if (leaveQueue) this.#queue.finish(jobId);
        await this.#progress.forget(jobId);
      },
      retryLater: (job, attempts) => this.#timing.retry(job, attempts),
      maxDeliveryAttempts: this.#timing.deadlines.maxDeliveryAttempts,
      finished: (job) => {
        // A shared queue holds the slot through the delivery (see BullmqJobQueue); idempotent.
        this.#queue.finish(job.id);
        if (this.options.jobs.isWatchedLate(job)) this.#timing.wake(job.id, this.#timing.lateLookEvery(job));
        else this.#resources.remove(job);
        this.options.onJobFinished?.(job);
      },
      onDelivered: options.onDelivered,
    });
    this.#late = new LateResults({
      jobs: options.jobs,
      logger: options.logger,
      now: this.#now,
      check: (job) => this.#check(job),
      deliver: (job) => this.#deliver(job),
      lookAgain: (jobId, delayMs) => this.#timing.wake(jobId, delayMs),
      stopWatching: (job) => this.#resources.remove(job),
    });
    // Jobs in line have no timer of their own: this catches the ones past their deadline.
    this.#sweep = setInterval(() => this.#expireWaiting(), this.#timing.deadlines.sweepEveryMs);
    this.#sweep.unref();
  }

  get queue(): Pick<JobQueue<QueueItem>, 'used' | 'capacity' | 'waitingCount' | 'runningCount' | 'position'> {
    return this.#queue;
  }

  /** A new job whose record is written (state queued) and whose first answer is sent. */
  add(job: JobRecord): void {
    // A shared queue may be unreachable for a moment: the job stays queued in its record, and the
    // next start's recovery puts it in line (enqueueing is idempotent).
    this.#queue.enqueue(this.#item(job)).catch((error: unknown) => {
      this.options.logger.error({ jobId: job.id, err: error }, 'could not put the job in line');
    });
  }

  /**
   * Picks up every unfinished job after a start-up, in the order they were created, then starts
   * taking slots. With a shared queue, jobs another live process runs stay its own (see job-resume.ts).
   */
  async resume(): Promise<{ resumed: number; released: number }> {
    const recovered = await resumeOpenJobs({
      jobs: this.options.jobs,
      credits: this.options.credits,
      shared: this.#queue.shared,
      now: this.#now,
      track: (job) => this.#resources.add(job),
      enqueue: (job) => this.#queue.enqueue(this.#item(job)),
      adopt: (job) => {
        this.#queue.adopt(this.#item(job));
        this.#timing.wake(job.id);
      },
      stepNow: (jobId) => this.#timing.wake(jobId),
    });
    await this.#queue.start();
    return recovered;
  }

  /** A webhook named this resource: look at its job now instead of at the next planned poll. */
  nudge(resourceId: string): 'handled' | 'unknown' {
    const jobId = this.#resources.jobFor(resourceId);
    if (!jobId) return 'unknown';
    this.#timing.wake(jobId, 0);
    return 'handled';
  }

  /** Stops timers and waits for steps under way, so every write finishes before the store closes. */
  async stop(): Promise<void> {
    clearInterval(this.#sweep);
    const steps = this.#timing.stop();
    this.#progress.stop();
    await steps;
    // After the steps: every record is written, so a job handed back goes on from where it is.
    await this.#queue.close();
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

  async #step(jobId: string): Promise<void> {
    if (this.#timing.stopped) return;
    const job = await this.options.jobs.get(jobId);
    if (!job || FINAL_STATES.has(job.state)) {
      this.#queue.finish(jobId);
      if (job?.lateWatchUntil === undefined) return;
      if (this.options.jobs.isWatchedLate(job)) return this.#late.look(job, this.#timing.lateLookEvery(job));
      return this.#late.end(job);
    }
    // Shared queue: another process holds this job's slot now (a takeover); its steps are its own.
    if (!this.#queue.owns(jobId)) return;
    // A takeover learns the job's Percify ids here, so webhooks naming them reach it.
    this.#resources.add(job);
    if (this.#timing.pastDeadline(job)) return this.#expire(job);
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

  async #submit(job: JobRecord): Promise<void> {
    const maxAttempts = this.options.maxSubmitAttempts ?? 6;
    if (job.attempts >= maxAttempts) return this.#fail(job, 'submit_gave_up', MESSAGES.submitGaveUp);
    // Written before the request: a crash from here on is reconciled, never blindly resent.
    const submitting = await this.options.jobs.save(job, (current) => ({
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
        // attempt, so an outage delays the job instead of refunding it, up to its waiting deadline.
        await this.options.jobs.save(submitting, (current) => ({
          ...current,
          state: 'queued',
          attempts: current.attempts - 1,
        }));
        this.options.logger.info({ jobId: job.id, afterMs: outcome.afterMs }, outcome.reason);
        return this.#timing.before(job, outcome.afterMs);
      case 'unknown':
        this.options.logger.warn({ jobId: job.id }, `submission outcome unknown: ${outcome.reason}`);
        return this.#timing.retry(submitting, submitting.attempts);
    }
  }

  async #accepted(job: JobRecord): Promise<void> {
    const saved = await this.options.jobs.save(job, () => ({
      ...job,
      state: 'processing',
      submittedAt: job.submittedAt ?? this.#now(),
    }));
    this.#resources.add(saved);
    this.options.onStep?.('submitted', saved);
    this.#progress.show(saved);
    this.#timing.poll(saved);
  }

  async #reconcile(job: JobRecord): Promise<void> {
    const outcome = await this.#handler(job).reconcile(job);
    if (outcome.status === 'found') return this.#accepted(outcome.job);
    if (outcome.status === 'absent') {
      await this.options.jobs.save(job, (current) => ({ ...current, state: 'queued' }));
      return this.#submit({ ...job, state: 'queued' });
    }
    this.#timing.retry(job, job.attempts);
  }

  /** One last authoritative look, then the job ends: delivered if it is done after all, else failed. */
  async #expire(job: JobRecord): Promise<void> {
    this.options.logger.warn({ jobId: job.id, state: job.state }, 'job reached its deadline');
    switch (job.state) {
      case 'queued':
        // Still in line for a slot: the bot was busy. Out of line: Percify kept asking for a wait.
        if (this.#queue.position(job.id) !== undefined)
          return this.#fail(job, 'wait_deadline', MESSAGES.waitedTooLong);
        return this.#fail(job, 'submit_gave_up', MESSAGES.submitGaveUp);
      case 'submitting': {
        const outcome = await this.#handler(job)
          .reconcile(job)
          .catch(() => ({ status: 'unreachable' as const }));
        if (outcome.status === 'found') return this.#accepted(outcome.job);
        return this.#fail(job, 'submit_gave_up', MESSAGES.submitGaveUp);
      }
      case 'processing':
        return this.#afterCheck(job, await this.#check(job), true);
      case 'delivering':
        return this.#fail(job, 'undeliverable', UNDELIVERABLE);
      case 'done':
      case 'failed':
        return;
    }
  }

  async #check(job: JobRecord): Promise<CheckOutcome> {
    try {
      return await this.#handler(job).check(job);
    } catch (error) {
      // Percify unreachable or confused for a moment: the plan's next look will ask again.
      this.options.logger.warn({ jobId: job.id, err: error }, 'could not read job state');
      return { status: 'pending' };
    }
  }

  async #poll(job: JobRecord): Promise<void> {
    return this.#afterCheck(job, await this.#check(job), false);
  }

  /** What a look at Percify leads to; `last` at the deadline, where "still at work" ends the job. */
  async #afterCheck(job: JobRecord, outcome: CheckOutcome, last: boolean): Promise<void> {
    switch (outcome.status) {
      case 'pending':
        if (last) {
          // Percify may still finish: the member is refunded now, and a late result is delivered free.
          return this.#endings.fail(job, 'timed_out', MESSAGES.timedOut, undefined, {
            lateWatchUntil: this.#now() + this.#timing.deadlines.lateWatchMs,
          });
        }
        // Progress estimates move with time; the throttle keeps this to one edit per interval.
        this.#progress.show(job);
        return this.#timing.poll(job);
      case 'next-stage': {
        // Each stage has the whole retry budget: a voice that needed retries must not starve the video.
        const next = await this.options.jobs.save(job, () => ({
          ...outcome.job,
          state: 'queued',
          submittedAt: undefined,
          attempts: 0,
        }));
        return this.#submit(next);
      }
      case 'completed': {
        this.#queue.generationDone(job.id);
        const delivering = await this.options.jobs.save(job, () => ({
          ...outcome.job,
          state: 'delivering',
          chargedCredits: Math.min(outcome.creditCost, job.reservedCredits),
          percifyCredits: outcome.creditCost,
          // Delivery has its own attempt budget (JobDeadlines.maxDeliveryAttempts).
          attempts: 0,
        }));
        this.options.onStep?.('completed', delivering);
        return this.#deliver(delivering);
      }
      case 'failed':
        return this.#fail(job, outcome.code, outcome.reason, outcome.stage);
    }
  }

  #deliver(job: JobRecord): Promise<void> {
    return this.#endings.deliver(job);
  }

  #fail(job: JobRecord, code: string, reason: Message, stage?: string): Promise<void> {
    return this.#endings.fail(job, code, reason, stage);
  }

  /** Jobs waiting in line past their deadline end; a failure to read one is retried next sweep. */
  #expireWaiting(): void {
    this.#queue
      .waitingIds()
      .then((ids) => ids.forEach((jobId) => this.#expireIfLate(jobId)))
      // A line that cannot be read now is swept next time; never an unhandled rejection (exit 70).
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'deadline sweep could not read the line'),
      );
  }

  #expireIfLate(jobId: string): void {
    void this.#timing.exclusive(jobId, async () => {
      try {
        const job = await this.options.jobs.get(jobId);
        if (job?.state !== 'queued' || !this.#timing.pastDeadline(job)) return;
        // Out of line first: with several processes sweeping, only the one that took it out ends it.
        if (!(await this.#queue.takeOutOfLine(jobId))) return;
        this.options.logger.warn({ jobId, state: job.state }, 'job reached its deadline');
        await this.#fail(job, 'wait_deadline', MESSAGES.waitedTooLong);
      } catch (error) {
        // Not the scheduler's retry: that would start the job outside its place in line.
        this.options.logger.warn({ jobId, err: error }, 'deadline sweep failed; next sweep retries');
      }
    });
  }
}
