import type { Logger } from '../../logger.js';

export interface JobSchedulerOptions {
  /** One step of a job's state machine; the scheduler runs at most one per job at a time. */
  step: (jobId: string) => Promise<void>;
  logger: Logger;
  /** Wait before trying again after a failed step; attempt counts from 1. */
  retryDelayMs?: ((attempt: number) => number) | undefined;
}

/**
 * When each job's next step runs: one timer per job (a new wake-up replaces the old one), one step at
 * a time per job whatever woke it (queue, poll timer, webhook), and a step that throws is retried
 * later. `stop()` cancels the timers and waits for steps under way.
 */
export class JobScheduler {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #locks = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(private readonly options: JobSchedulerOptions) {}

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Runs the job's next step after `delayMs`, replacing any wake-up already planned. */
  schedule(jobId: string, delayMs: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timers.get(jobId));
    const timer = setTimeout(() => {
      this.#timers.delete(jobId);
      void this.exclusive(jobId, () => this.options.step(jobId));
    }, delayMs);
    this.#timers.set(jobId, timer);
  }

  /** Runs `work` after the job's step under way, if any; a failure is logged and retried later. */
  exclusive(jobId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.#locks.get(jobId) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => {
      this.options.logger.error({ jobId, err: error }, 'job step failed; retrying later');
      this.schedule(jobId, this.retryDelay(1));
    });
    this.#locks.set(jobId, next);
    void next.finally(() => {
      if (this.#locks.get(jobId) === next) this.#locks.delete(jobId);
    });
    return next;
  }

  /** Capped exponential backoff: 2 s, 4 s, 8 s … up to a minute. */
  retryDelay(attempt: number): number {
    return this.options.retryDelayMs?.(attempt) ?? Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#locks.values()]);
  }
}
