import type { JobRecord } from './job-record.js';
import type { ExpectedDuration } from './poll-schedule.js';

/**
 * When each state of a job must have ended. Every state has one, so no job waits for ever: whatever
 * is stuck (a lost webhook and a poll that keeps failing, a reconcile that cannot reach Percify, a
 * delivery Discord keeps refusing, a step that throws), the job reaches its deadline, gets one last
 * authoritative look, and then fails with its hold released.
 *
 * The numbers (README, "Configuration"):
 * - waiting (in line for a plan slot, or for Percify to accept: outages, rate limits): 30 min from
 *   the command. Percify accepts in well under a second when it is up; half an hour covers a real
 *   outage without keeping a member's credits for the rest of the day.
 * - submitting (a request whose outcome is unknown, until reconciled): the same 30 min from the
 *   request, since it is the same kind of wait: Percify not answering.
 * - processing: 3 times the documented worst case for the kind, tier and clip length, plus a minute
 *   (a flux avatar: 3 x 5 s + 60 s = 75 s; Reality Lab 30 s: 3 x 300 s + 60 s = 16 min), and never
 *   under 30 s of real time.
 * - delivering: 15 min, and at most 8 attempts: Discord either takes a message within seconds or
 *   answers with a reason; a quarter of an hour covers an outage of Discord's API.
 * - after a processing deadline the bot keeps listening for the result for 60 min: a late one is
 *   delivered free (see JobEndings).
 */
export interface JobDeadlines {
  waitMs: number;
  /** Processing may take this many times the documented worst case (plus a minute). */
  processingMargin: number;
  /** A floor in real time: timers, event loop and a busy service do not speed up with the simulator. */
  processingFloorMs: number;
  deliveryMs: number;
  maxDeliveryAttempts: number;
  lateWatchMs: number;
  /** How often jobs waiting in line are checked against their deadline (they have no timer). */
  sweepEveryMs: number;
}

export const DEFAULT_JOB_DEADLINES: JobDeadlines = {
  waitMs: 30 * 60_000,
  processingMargin: 3,
  processingFloorMs: 30_000,
  deliveryMs: 15 * 60_000,
  maxDeliveryAttempts: 8,
  lateWatchMs: 60 * 60_000,
  sweepEveryMs: 60_000,
};

/** Milliseconds from Percify accepting a stage until it counts as lost (speed: the simulator's). */
export function processingAllowanceMs(
  expected: ExpectedDuration,
  deadlines: Pick<JobDeadlines, 'processingMargin' | 'processingFloorMs'>,
  speed: number,
): number {
  const scaled = ((expected.max * deadlines.processingMargin + 60) * 1000) / speed;
  return Math.round(Math.max(scaled, deadlines.processingFloorMs));
}

/** When the state the job is in now must have ended (epoch ms). */
export function deadlineOf(
  job: JobRecord,
  expected: ExpectedDuration,
  deadlines: JobDeadlines,
  speed: number,
): number {
  const since = job.stateSince ?? job.updatedAt;
  switch (job.state) {
    case 'queued':
      return job.createdAt + deadlines.waitMs;
    case 'submitting':
      return since + deadlines.waitMs;
    case 'processing':
      return (job.submittedAt ?? since) + processingAllowanceMs(expected, deadlines, speed);
    case 'delivering':
      return since + deadlines.deliveryMs;
    case 'done':
    case 'failed':
      return Number.POSITIVE_INFINITY;
  }
}
