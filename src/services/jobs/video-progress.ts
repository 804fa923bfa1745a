import type { VideoJob } from './job-record.js';
import { currentStage, stageEstimate, stageIndex, stagePlan, type VideoStage } from './video-stages.js';

/**
 * How far along a video job probably is. Percify reports no progress, so this is an estimate from
 * the documented typical processing time of each stage and the time since the current stage was
 * accepted. It never shows more than 95 % before Percify says the work is done: a bar that reaches
 * 100 % and then sits there reads as "stuck".
 */

export const MAX_PENDING_PERCENT = 95;
const BAR_CELLS = 10;

export interface VideoProgress {
  stage: VideoStage;
  /** 1-based step and the number of steps, e.g. 2 of 3. */
  step: number;
  steps: number;
  percent: number;
  /** Estimated seconds until the whole job is done; 0 once it runs past the usual time. */
  secondsLeft: number;
}

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

/** `▰▰▰▱▱▱▱▱▱▱ 30%` */
export function progressBar(percent: number): string {
  const clamped = Math.max(0, Math.min(100, Math.floor(percent)));
  const filled = Math.floor(clamped / BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${clamped}%`;
}

/** "about 40 s left", "about 3 min left"; past the usual time, says so instead of counting below 0. */
export function timeLeftText(secondsLeft: number): string {
  if (secondsLeft <= 0) return 'taking a little longer than usual, almost there';
  if (secondsLeft < 60) return `about ${Math.max(5, Math.round(secondsLeft / 5) * 5)} s left`;
  return `about ${Math.round(secondsLeft / 60)} min left`;
}
