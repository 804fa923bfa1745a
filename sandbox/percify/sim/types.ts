import type { Logger } from '../../../src/logger.js';
import type { Account } from './account.js';
import type { FaultSwitches } from './faults.js';
import type { JobScheduler, Plan } from './jobs.js';
import type { MediaStore } from './media-store.js';
import type { WebhookSender } from './webhooks.js';

export type JobStatus = 'queued' | 'processing' | 'completed' | 'failed';
export interface JobError {
  code: string;
  message: string;
}

export interface SimAvatar {
  id: string;
  userId: string;
  status: JobStatus;
  prompt: string;
  negativePrompt: string | null;
  model: string;
  aspectRatio: string;
  guidanceScale: number;
  seed: number;
  stylePreset: string | null;
  creditCost: number;
  imageUrl?: string;
  thumbnailUrl?: string;
  width: number;
  height: number;
  metadata?: { generationTime: number; modelVersion: string };
  error?: JobError;
  createdAt: string;
  completedAt?: string;
}

export interface SimVideo {
  id: string;
  userId: string;
  avatarId: string;
  status: JobStatus;
  videoUrl: string | null;
  thumbnailUrl: string | null;
  durationSeconds: number;
  resolution: '720p' | '1080p';
  fps: number;
  fileSize: number | null;
  format: 'mp4' | 'webm' | 'mov';
  studioTier: 'basic' | 'reality-lab';
  motionStyle: 'subtle' | 'moderate' | 'dynamic';
  creditCost: number;
  hasAudio: boolean;
  audioId: string | null;
  title?: string;
  description?: string;
  tags?: string[];
  metadata: { processingTime: number | null; renderEngine: 'video-studio-v3' };
  error?: JobError;
  createdAt: string;
  completedAt: string | null;
}

export interface SimAudio {
  id: string;
  userId: string;
  voiceId: string;
  text: string;
  /** The code asked for, as Percify spells it; absent when Percify was left to detect it. */
  language?: string;
  status: JobStatus;
  audioUrl: string | null;
  durationSeconds: number;
  format: 'mp3';
  creditCost: number;
  error?: JobError;
  createdAt: string;
  completedAt: string | null;
}

/** A cloned voice (docs §5.3); presets are constants in voices.ts. */
export interface SimVoice {
  id: string;
  userId: string;
  name: string;
  description?: string;
  language: string;
  type: 'cloned';
  status: 'completed';
  sampleUrl: string | null;
  /** Seconds, as measured from the uploaded sample. */
  sampleDuration: number;
  quality: 'high';
  creditCost: number;
  metadata: { pitch: 'medium'; pace: 'normal'; emotion: 'neutral' };
  createdAt: string;
}

export const USER_ID = 'user_sandbox0001';

/** Everything the route handlers share. */
export interface SimContext {
  readonly plan: Plan;
  readonly speed: number;
  readonly mediaScale: number;
  readonly blockedWords: readonly string[];
  readonly now: () => number;
  readonly logger: Logger;
  readonly account: Account;
  readonly scheduler: JobScheduler;
  readonly faults: FaultSwitches;
  readonly media: MediaStore;
  readonly webhooks: WebhookSender;
  readonly avatars: Map<string, SimAvatar>;
  readonly videos: Map<string, SimVideo>;
  readonly audios: Map<string, SimAudio>;
  /** Cloned voices, by id. */
  readonly voices: Map<string, SimVoice>;
  /** Public origin, known once the server listens. */
  origin: string;
  /** Videos accepted per UTC day, for the plan's daily limit. */
  readonly videosPerDay: Map<string, number>;
}

/** Longest delay a Node timer takes (about 24.8 days): "never" for a stuck generation. */
const NEVER_MS = 2 ** 31 - 1;

/**
 * Seconds of documented processing time -> real milliseconds at this speed, as the fault switches
 * change it for generations accepted now (stuck for ever, or late by a fixed time).
 */
export const scaled = (context: SimContext, seconds: number): number => {
  if (context.faults.neverFinish) return NEVER_MS;
  return (seconds * 1000) / context.speed + context.faults.extraProcessingMs;
};
