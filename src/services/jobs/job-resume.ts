import type { CreditSettlement } from './job-endings.js';
import { FINAL_STATES, type JobRecord } from './job-record.js';
import type { JobStore } from './job-store.js';

export interface ResumeTargets {
  jobs: JobStore;
  credits: CreditSettlement;
  /** Routes webhooks naming the job's resources to it again. */
  track: (job: JobRecord) => void;
  /** A job that had not started: back in line. */
  enqueue: (job: JobRecord) => void;
  /** A job Percify has (or may have): holds a plan slot again, and its next step runs now. */
  adopt: (job: JobRecord) => void;
  /** Its next step runs now, without a plan slot (delivering, or watched for a late result). */
  stepNow: (jobId: string) => void;
}

/**
 * After a start-up, picks up every job in the open index in the order they were created: each goes
 * back to the step its record says it was at, so a crash anywhere loses nothing.
 */
export async function resumeOpenJobs(t: ResumeTargets): Promise<{ resumed: number; released: number }> {
  let resumed = 0;
  let released = 0;
  for (const id of await t.jobs.openIds()) {
    const job = await t.jobs.get(id);
    if (!job) {
      // Claimed but never recorded: the bot stopped before the member was answered.
      await t.credits.release(id, 'interrupted before the job was recorded');
      await t.jobs.forget(id);
      released++;
      continue;
    }
    if (FINAL_STATES.has(job.state)) {
      // A failed job still watched for a late result keeps being watched; any other is closed.
      if (t.jobs.isWatchedLate(job)) {
        t.track(job);
        t.stepNow(job.id);
      } else await t.jobs.forget(id);
      continue;
    }
    resumed++;
    t.track(job);
    if (job.state === 'queued') t.enqueue(job);
    else if (job.state === 'delivering') t.stepNow(job.id);
    else t.adopt(job);
  }
  return { resumed, released };
}
