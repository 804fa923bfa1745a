import type { Logger } from '../../logger.js';
import type { CheckOutcome } from './job-kind.js';
import type { JobRecord } from './job-record.js';
import type { JobStore } from './job-store.js';

export interface LateResultsOptions {
  jobs: JobStore;
  /** One look at Percify (the runner's: a failure to ask reads as still pending, and is logged). */
  check: (job: JobRecord) => Promise<CheckOutcome>;
  logger: Logger;
  now: () => number;
  /** Delivers a job reopened in 'delivering' (the runner's usual delivery). */
  deliver: (job: JobRecord) => Promise<void>;
  /** Looks at the job again after `delayMs` (the runner's scheduler). */
  lookAgain: (jobId: string, delayMs: number) => void;
  /** The watch is over: the job's resources no longer route webhooks to it. */
  stopWatching: (job: JobRecord) => void;
}

/**
 * Results that arrive after the bot gave up on a job. The member was told "nothing was charged" and
 * got their hold back; Percify may still finish (and bill the operator). Throwing that result away
 * helps nobody, so while the watch lasts a webhook or a late look that finds it completed delivers
 * it, free for the member, with what Percify charged kept on the job (`percifyCredits`) and visible
 * in `/quota usage compare:` as a job whose two figures differ. The rule is simple on purpose: the
 * member was promised nothing was charged, and that stays true.
 */
export class LateResults {
  constructor(private readonly options: LateResultsOptions) {}

  async look(job: JobRecord, everyMs: number): Promise<void> {
    const outcome = await this.options.check(job);
    if (outcome.status === 'completed') {
      const reopened = await this.options.jobs.reopenLate(job.id, (current) => ({
        ...current,
        ...outcome.job,
        state: 'delivering',
        failure: undefined,
        finishedAt: undefined,
        chargedCredits: 0,
        percifyCredits: outcome.creditCost,
        deliveredLate: true,
        attempts: 0,
      }));
      if (!reopened) return;
      this.options.logger.warn(
        { jobId: job.id, percifyCredits: outcome.creditCost },
        'a result arrived after its deadline; delivering it free',
      );
      return this.options.deliver(reopened);
    }
    const left = (job.lateWatchUntil ?? 0) - this.options.now();
    // Still at work: look again while the watch lasts (the last look at its very end). Failed, or a
    // stage done that would need more spending (a voice finished, its video never started): it ends.
    if (outcome.status === 'pending' && left > 0) {
      return this.options.lookAgain(job.id, Math.min(everyMs, left));
    }
    await this.end(job);
  }

  /** Ends a watch: the job leaves the open index and its resources stop routing webhooks. */
  async end(job: JobRecord): Promise<void> {
    this.options.stopWatching(job);
    await this.options.jobs.forget(job.id);
  }
}
