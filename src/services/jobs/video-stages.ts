import { expectedProcessingSeconds, type ProcessingEstimate } from '../percify/pricing.js';
import type { VideoStageName, VideoStep } from '../delivery/views.js';
import type { VideoJob, VideoParams } from './job-record.js';

/**
 * The stages of a video job and which one it is in. The stage is derived from what the record
 * already holds (no stage field), so a restarted bot picks the job up at the right step:
 *
 *   plain video        video
 *   video with speech  audio -> video -> lipsync
 *   add voice          audio -> lipsync          (params.existingVideoId: the video exists already)
 *
 * `audioId` is set once the audio is finished and `video` once a video is finished; while a stage
 * runs, its Percify resource is the last id in `percifyIds` (every submit appends the id it got).
 */

/** The stage names are the renderers' (delivery/views.ts), so the two cannot drift apart. */
export type VideoStage = VideoStageName;

export function stagePlan(params: VideoParams): VideoStage[] {
  if (params.existingVideoId !== undefined) return ['audio', 'lipsync'];
  if (params.speech !== undefined) return ['audio', 'video', 'lipsync'];
  return ['video'];
}

export function currentStage(job: VideoJob): VideoStage {
  const { params } = job;
  if (params.existingVideoId !== undefined) return job.audioId === undefined ? 'audio' : 'lipsync';
  if (params.speech !== undefined && job.audioId === undefined) return 'audio';
  if (job.video === undefined) return 'video';
  return params.speech !== undefined ? 'lipsync' : 'video';
}

/** 0-based place of the current stage in the job's plan. */
export function stageIndex(job: VideoJob): number {
  return Math.max(0, stagePlan(job.params).indexOf(currentStage(job)));
}

/** The current stage and its place in the plan, as the progress and failure views show it. */
export function stageStep(job: VideoJob): VideoStep {
  return { stage: currentStage(job), step: stageIndex(job) + 1, steps: stagePlan(job.params).length };
}

/** The Percify resource the current stage is waiting on, once its submit was accepted. */
export function trackedId(job: VideoJob): string | undefined {
  return job.percifyIds.at(-1);
}

/** Appends an id (moving it to the end if known already: add-audio may answer with the same video id). */
export function withTrackedId(job: VideoJob, id: string): VideoJob {
  return { ...job, percifyIds: [...job.percifyIds.filter((known) => known !== id), id] };
}

/** The video a lip-sync stage adds its audio to. */
export function lipSyncBaseVideoId(job: VideoJob): string | undefined {
  return job.params.existingVideoId ?? job.video?.videoId;
}

/**
 * Documented processing time of one stage: audio 2–5 s; video by tier and clip length; a lip-sync
 * is a re-render (the getting-started guide's word), so it is given the same time as the video.
 */
export function stageEstimate(params: VideoParams, stage: VideoStage): ProcessingEstimate {
  if (stage === 'audio') return expectedProcessingSeconds({ kind: 'audio' });
  return expectedProcessingSeconds({
    kind: 'video',
    tier: params.tier,
    durationSeconds: params.durationSeconds,
  });
}
