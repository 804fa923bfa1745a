import type { VideoJob } from './job-record.js';
import type { VideoProgress } from '../delivery/views.js';
import { currentStage, stageEstimate, stageIndex, stagePlan } from './video-stages.js';

/**
 * How far along a video job probably is. Percify reports no progress, so this is an estimate from
 * the documented typical processing time of each stage and the time since the current stage was
 * accepted. It never shows more than 95 % before Percify says the work is done: a bar that reaches
 * 100 % and then sits there reads as "stuck".
 */

export const MAX_PENDING_PERCENT = 95;

export interface ProgressClock {
  /** When Percify accepted the current stage (ms since epoch); undefined means just now. */
  startedAt?: number | undefined;
  now: number;
  /** Simulator speed-up: the documented times are divided by it, as the runner's polls are. */
  speed?: number | undefined;
}

export function videoProgress(job: VideoJob, clock: ProgressClock): VideoProgress {
  const plan = stagePlan(job.params);
  const index = stageIndex(job);
  const scale = 1 / (clock.speed ?? 1);
  const typical = plan.map((stage) => stageEstimate(job.params, stage).typical * scale);
  const total = typical.reduce((sum, seconds) => sum + seconds, 0);
  const before = typical.slice(0, index).reduce((sum, seconds) => sum + seconds, 0);
  const current = typical[index] ?? 0;
  const after = total - before - current;
  const elapsed = Math.max(0, (clock.now - (clock.startedAt ?? clock.now)) / 1000);
  const doneOfCurrent = Math.min(elapsed, current);
  const fraction = total > 0 ? (before + doneOfCurrent) / total : 0;
  return {
    stage: currentStage(job),
    step: index + 1,
    steps: plan.length,
    percent: Math.min(MAX_PENDING_PERCENT, Math.floor(fraction * 100)),
    secondsLeft: Math.max(0, current - elapsed) + after,
  };
}
