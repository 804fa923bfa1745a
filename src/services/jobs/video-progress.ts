import type { VideoJob } from './job-record.js';
import type { VideoProgress } from '../delivery/views.js';
import type { ObservedDurations } from './observed-durations.js';
import { currentStage, stageEstimate, stageIndex, stagePlan, type VideoStage } from './video-stages.js';

/**
 * How far along a video job probably is. Percify reports no progress, so this is an estimate: each
 * stage's documented typical processing time for this tier and length, scaled by how long that
 * stage has really been taking lately (ObservedDurations), against the time since the current stage
 * was accepted.
 *
 * The bar moves steadily up to 80 % of a stage at its expected time and then keeps creeping on,
 * ever slower, for as long as the work goes on: it never stalls, and never reaches the end before
 * Percify says the work is done. The time left is promised only while the job is within its expected
 * time; past it, the reply says so and shows how long it has been working instead (secondsLeft 0).
 */

export const MAX_PENDING_PERCENT = 99;

/** The share of a stage done at its expected time, from where the bar turns from linear to creeping. */
const LINEAR_SHARE = 0.8;

export interface ProgressClock {
  /** When Percify accepted the current stage (ms since epoch); undefined means just now. */
  startedAt?: number | undefined;
  now: number;
  /** Simulator speed-up: the documented times are divided by it, as the runner's polls are. */
  speed?: number | undefined;
  /** Recent real durations: the documented times are corrected by them. */
  observed?: ObservedDurations | undefined;
}

/** What ObservedDurations keys a stage by: the stage and, for renders, the tier. */
export function observedKey(job: VideoJob, stage: VideoStage): string {
  return stage === 'audio' ? 'audio' : `${stage}:${job.params.tier}`;
}

/** Expected seconds of each stage of the job's plan, as the member's clock runs. */
function expectedStageSeconds(job: VideoJob, clock: ProgressClock): number[] {
  const scale = 1 / (clock.speed ?? 1);
  return stagePlan(job.params).map(
    (stage) =>
      stageEstimate(job.params, stage).typical *
      scale *
      (clock.observed?.factor(observedKey(job, stage)) ?? 1),
  );
}

/** Share of one stage done after `elapsed` of an `expected` time: linear, then a hyperbolic creep. */
export function stageShare(elapsed: number, expected: number): number {
  if (expected <= 0) return 1;
  const linearUntil = LINEAR_SHARE * expected;
  if (elapsed <= linearUntil) return elapsed / expected;
  // Same value and slope as the linear part where they meet, then ever slower towards 1.
  const rest = (1 - LINEAR_SHARE) * expected;
  return 1 - ((1 - LINEAR_SHARE) * rest) / (rest + (elapsed - linearUntil));
}

export function videoProgress(job: VideoJob, clock: ProgressClock): VideoProgress {
  const expected = expectedStageSeconds(job, clock);
  const index = stageIndex(job);
  const total = expected.reduce((sum, seconds) => sum + seconds, 0);
  const before = expected.slice(0, index).reduce((sum, seconds) => sum + seconds, 0);
  const current = expected[index] ?? 0;
  const after = total - before - current;
  const elapsed = Math.max(0, (clock.now - (clock.startedAt ?? clock.now)) / 1000);
  const fraction = total > 0 ? (before + stageShare(elapsed, current) * current) / total : 0;
  return {
    stage: currentStage(job),
    step: index + 1,
    steps: expected.length,
    percent: Math.min(MAX_PENDING_PERCENT, Math.floor(fraction * 100)),
    // Past the expected time nothing is promised: the rest of the plan is not counted down either.
    secondsLeft: elapsed < current ? current - elapsed + after : 0,
    elapsedSeconds: Math.max(0, (clock.now - job.createdAt) / 1000),
  };
}
