import type { CreditSettlement } from './job-endings.js';
import { FINAL_STATES, type JobRecord } from './job-record.js';
import type { JobStore } from './job-store.js';

export interface ResumeTargets {
  jobs: JobStore;
  credits: CreditSettlement;
  /**
   * Several processes share the line (BullMQ): a job another live process runs must stay its own,
   * so every open job only goes (back) in line, idempotently; one whose process died is taken over
   * by the queue's stalled-job check, not here.
   */
  shared: boolean;
  now: () => number;
  /** Routes webhooks naming the job's resources to it again. */
  track: (job: JobRecord) => void;
  /** A job that had not started: back in line. */
  enqueue: (job: JobRecord) => Promise<void>;
  /** A job Percify has (or may have): holds a plan slot again, and its next step runs now. */
  adopt: (job: JobRecord) => void;
  /** Its next step runs now, without a plan slot (delivering, or watched for a late result). */
  stepNow: (jobId: string) => void;
}

/**
 * After a start-up, picks up every job in the open index in the order they were created: each goes
 * back to the step its record says it was at, so a crash anywhere loses nothing.
 */
/** With a shared line, an id claimed this recently may be a job another process is creating right now. */
const CREATING_GRACE_MS = 5 * 60_000;

/** When the job id was made (newJobId: `j` + time in base 36 + 10 hex digits), if it says. */
function createdAtOf(id: string): number | undefined {
  const match = /^j([0-9a-z]+)[0-9a-f]{10}$/.exec(id);
  const at = match?.[1] ? parseInt(match[1], 36) : NaN;
  return Number.isFinite(at) ? at : undefined;
}

export async function resumeOpenJobs(t: ResumeTargets): Promise<{ resumed: number; released: number }> {
  let resumed = 0;
  let released = 0;
  for (const id of await t.jobs.openIds()) {
    const job = await t.jobs.get(id);
    if (!job) {
      if (t.shared && t.now() - (createdAtOf(id) ?? 0) < CREATING_GRACE_MS) continue;
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
    if (t.shared) {
      await t.enqueue(job);
      continue;
    }
    t.track(job);
    if (job.state === 'queued') void t.enqueue(job);
    else if (job.state === 'delivering') t.stepNow(job.id);
    else t.adopt(job);
  }
  return { resumed, released };
}
