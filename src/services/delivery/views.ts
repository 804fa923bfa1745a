import type { AvatarModel, StudioTier } from '../percify/pricing.js';

/**
 * What the renderers need to know about a job, declared here by the side that reads it. A job record
 * fits these shapes as it is (the compiler checks that), so the job kinds hand their records over
 * without a copy, and nothing in delivery depends on how jobs are stored or run.
 */

export interface AvatarView {
  id: string;
  state: string;
  params: {
    prompt: string;
    negativePrompt?: string | undefined;
    model: AvatarModel;
    style?: string | undefined;
    aspectRatio: string;
    guidance?: number | undefined;
    seed: number;
    variations: number;
  };
  reservedCredits: number;
  chargedCredits?: number | undefined;
  images?: ReadonlyArray<{ avatarId: string; seed: number; creditCost: number }> | undefined;
}

export type VideoStageName = 'audio' | 'video' | 'lipsync';

export interface VideoView {
  id: string;
  state: string;
  params: {
    avatarPrompt?: string | undefined;
    durationSeconds: number;
    tier: StudioTier;
    motion: string;
    fps: number;
    format: string;
    speech?: { text: string; voiceId: string } | undefined;
    /** Set when a voice is added to a video that exists already. */
    existingVideoId?: string | undefined;
  };
  reservedCredits: number;
  balanceAfter?: number | undefined;
  chargedCredits?: number | undefined;
  video?:
    | {
        videoId: string;
        durationSeconds: number;
        resolution?: string | undefined;
        fps?: number | undefined;
        hasAudio: boolean;
        creditCost: number;
      }
    | undefined;
}

/** Where a video job is in its plan of stages: 1-based step of `steps`. */
export interface VideoStep {
  stage: VideoStageName;
  step: number;
  steps: number;
}

/** How far along a video job probably is (an estimate: Percify reports no progress). */
export interface VideoProgress extends VideoStep {
  percent: number;
  /** Estimated seconds until the whole job is done; 0 once it runs past the expected time. */
  secondsLeft: number;
  /** Seconds since the member asked: shown instead of a promise once the job runs long. */
  elapsedSeconds: number;
}

/** One entry of `/gallery`. */
export interface CreationView {
  kind: 'avatar' | 'video';
  avatarIds?: readonly string[] | undefined;
  videoId?: string | undefined;
  prompt: string;
  thumbnailUrl?: string | undefined;
  createdAt: number;
}
