import { describe, expect, it } from 'vitest';
import { DEFAULT_JOB_DEADLINES, deadlineOf } from '../../src/services/jobs/job-deadlines.js';
import type { JobRecord } from '../../src/services/jobs/job-record.js';
import { expectedProcessingSeconds } from '../../src/services/percify/pricing.js';
import { videoJob } from '../video/fixtures.js';

// The documented deadlines, as an operator reads them in the README: each state's, from its anchor.
const T0 = Date.UTC(2026, 11, 2, 12);
const MIN = 60_000;

function at(job: JobRecord, state: JobRecord['state'], stateSince: number): JobRecord {
  return { ...job, state, createdAt: T0, submittedAt: T0 + MIN, stateSince, updatedAt: stateSince };
}

describe('job deadlines', () => {
  const video = videoJob({ tier: 'reality-lab', durationSeconds: 30 });
  const expected = expectedProcessingSeconds({ kind: 'video', tier: 'reality-lab', durationSeconds: 30 });

  it('gives each state its own, from the right moment', () => {
    const deadline = (state: JobRecord['state'], since: number) =>
      deadlineOf(at(video, state, since), expected, DEFAULT_JOB_DEADLINES, 1);
    // Waiting counts from the command, however often Percify asked for a wait.
    expect(deadline('queued', T0 + 10 * MIN)).toBe(T0 + 30 * MIN);
    expect(deadline('submitting', T0 + 2 * MIN)).toBe(T0 + 32 * MIN);
    // Reality Lab 30 s: 3 x its documented 300 s worst case + a minute, from Percify's acceptance.
    expect(deadline('processing', T0 + MIN)).toBe(T0 + MIN + 16 * MIN);
    expect(deadline('delivering', T0 + 20 * MIN)).toBe(T0 + 35 * MIN);
    expect(deadline('done', T0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('never allows a render less than the real-time floor, however fast the simulator runs', () => {
    const processing = at(video, 'processing', T0 + MIN);
    expect(deadlineOf(processing, expected, DEFAULT_JOB_DEADLINES, 10_000)).toBe(T0 + MIN + 30_000);
  });
});
