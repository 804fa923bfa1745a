import type { Logger } from '../../logger.js';
import type { JobKindHandler } from './job-kind.js';
import {
  DEFAULT_JOB_DEADLINES,
  deadlineOf,
  processingAllowanceMs,
  type JobDeadlines,
} from './job-deadlines.js';
import type { JobRecord } from './job-record.js';
import { JobScheduler } from './job-scheduler.js';
import { nextPollDelay, planPolls } from './poll-schedule.js';

export interface JobTimingOptions {
  /** One step of a job's state machine (the runner's). */
  step: (jobId: string) => Promise<void>;
  handler: (job: JobRecord) => JobKindHandler;
  logger: Logger;
  now: () => number;
  deadlines?: Partial<JobDeadlines> | undefined;
  /** Simulator speed-up, shrinking the documented processing times. */
  speed: number;
  /** Webhooks end waits early, so polls only back them up (see planPolls). */
  webhooks: boolean;
  retryDelayMs?: ((attempt: number) => number) | undefined;
}

/**
 * When a job's next step runs: the wake-ups (one per job, one step at a time, through
 * JobScheduler), the poll plan, and the deadlines that bound every wait. Apart from the state
 * machine because pacing changes for its own reasons (rate limits, documented times, margins).
 */
export class JobTiming {
  readonly deadlines: JobDeadlines;
  readonly #scheduler: JobScheduler;

  constructor(private readonly options: JobTimingOptions) {
    this.deadlines = { ...DEFAULT_JOB_DEADLINES, ...options.deadlines };
    this.#scheduler = new JobScheduler({
      step: options.step,
      logger: options.logger,
      retryDelayMs: options.retryDelayMs,
    });
  }

  get stopped(): boolean {
    return this.#scheduler.stopped;
  }

  /** Runs the job's next step after `delayMs` (at once by default), replacing any planned wake-up. */
  wake(jobId: string, delayMs = 0): void {
    this.#scheduler.schedule(jobId, delayMs);
  }

  /** Runs the job's next step after `delayMs`, or at its deadline if that comes first. */
  before(job: JobRecord, delayMs: number): void {
    const left = this.deadline(job) - this.options.now();
    this.#scheduler.schedule(job.id, Math.max(0, Math.min(delayMs, left)));
  }

  /** After a failed attempt (attempt counts from 1), bounded by the deadline. */
  retry(job: JobRecord, attempt: number): void {
    this.before(job, this.#scheduler.retryDelay(attempt));
  }

  /** The next look at a job Percify is working on; with none left, the deadline's step expires it. */
  poll(job: JobRecord): void {
    const expected = this.options.handler(job).expected(job);
    const plan = planPolls(expected, {
      speed: this.options.speed,
      webhooks: this.options.webhooks,
      giveUpAfterMs: processingAllowanceMs(expected, this.deadlines, this.options.speed),
    });
    const elapsed = this.options.now() - (job.submittedAt ?? this.options.now());
    this.before(job, nextPollDelay(plan, elapsed) ?? Number.POSITIVE_INFINITY);
  }

  deadline(job: JobRecord): number {
    return deadlineOf(job, this.options.handler(job).expected(job), this.deadlines, this.options.speed);
  }

  pastDeadline(job: JobRecord): boolean {
    return this.options.now() >= this.deadline(job);
  }

  /** How often a job given up on is looked at again for a late result. */
  lateLookEvery(job: JobRecord): number {
    const expected = this.options.handler(job).expected(job);
    const allowance = processingAllowanceMs(expected, this.deadlines, this.options.speed);
    return Math.min(5 * 60_000, Math.max(1_000, allowance / 4));
  }

  /** Runs `work` after the job's step under way, if any. */
  exclusive(jobId: string, work: () => Promise<void>): Promise<void> {
    return this.#scheduler.exclusive(jobId, work);
  }

  /** Cancels the wake-ups and waits for steps under way. */
  stop(): Promise<void> {
    return this.#scheduler.stop();
  }
}
