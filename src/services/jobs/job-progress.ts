import type { Logger } from '../../logger.js';
import type { Messenger } from '../delivery/messenger.js';
import { replyTarget } from './job-endings.js';
import type { JobKindHandler } from './job-kind.js';
import type { JobRecord } from './job-record.js';
import type { JobStore } from './job-store.js';
import { ProgressUpdates } from './progress-updates.js';
import { QueuePositionDisplay } from './queue-positions.js';

export interface JobProgressOptions {
  jobs: JobStore;
  handler: (job: JobRecord) => JobKindHandler;
  messenger: Messenger;
  logger: Logger;
  now: () => number;
  /** At most one progress edit per job per interval. */
  intervalMs: number;
}

/**
 * What a member's reply shows while the job runs: its place in line while it waits, then the kind's
 * progress view, edited at most once per interval. Apart from the state machine: how waiting looks
 * changes for other reasons (Discord's edit limits, wording) than how a job moves.
 */
export class JobProgress {
  readonly #updates: ProgressUpdates;
  readonly #positions: QueuePositionDisplay;

  constructor(private readonly options: JobProgressOptions) {
    this.#updates = new ProgressUpdates(
      options.intervalMs,
      (jobId, error) => options.logger.warn({ jobId, err: error }, 'progress edit failed'),
      options.now,
    );
    this.#positions = new QueuePositionDisplay((jobId, position) => this.#showPlace(jobId, position));
  }

  /**
   * A waiting reply's place in line. The record is read when the edit goes out, not when the line
   * moved: with a shared line another process may have taken the job meanwhile and delivered its
   * result, which a place in line read earlier would overwrite.
   */
  #showPlace(jobId: string, position: number): void {
    this.#updates.push(jobId, async () => {
      const job = await this.options.jobs.get(jobId).catch((error: unknown) => {
        this.options.logger.warn({ jobId, err: error }, 'could not read a waiting job');
        return undefined;
      });
      if (job?.state !== 'queued') return;
      const body = this.options.handler(job).renderPending(job, { position, startedAt: job.submittedAt });
      await this.options.messenger.editProgress(replyTarget(job), body);
    });
  }

  /** Places in line changed (ids of waiting jobs to their 1-based place). */
  positionsChanged(positions: Map<string, number>): void {
    this.#positions.update(positions);
  }

  show(job: JobRecord, position?: number): void {
    const body = this.options.handler(job).renderPending(job, { position, startedAt: job.submittedAt });
    this.#updates.push(job.id, async () => {
      await this.options.messenger.editProgress(replyTarget(job), body);
    });
  }

  /** No more progress edits for this job (its result or failure comes next). */
  forget(jobId: string): Promise<void> {
    return this.#updates.forget(jobId);
  }

  stop(): void {
    this.#updates.stop();
  }
}
