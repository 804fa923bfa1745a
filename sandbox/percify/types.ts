import type { Logger } from '../../src/logger.js';

/** The simulator's public contract: other engineers' code and tests are written against these names. */

export type PercifyPlan = 'free' | 'pro' | 'enterprise';
export type GenerationStatus = 'queued' | 'processing' | 'completed' | 'failed';
export type AvatarModel = 'flux' | 'imagen3' | 'reality4';
export type AspectRatio = '1:1' | '16:9' | '9:16' | '4:3' | '3:4';
export type StylePreset = 'professional' | 'anime' | 'fantasy' | 'cyberpunk' | 'renaissance' | 'realistic';
export type StudioTier = 'basic' | 'reality-lab';
export type MotionStyle = 'subtle' | 'moderate' | 'dynamic';
export type VideoFormat = 'mp4' | 'webm' | 'mov';

export interface PercifySimulatorOptions {
  /** Default 0 (a random free port). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Concurrent generations 1 / 3 / 10; daily videos 10 / 100 / unlimited. Default 'pro'. */
  plan?: PercifyPlan;
  /** When set only `Bearer <apiKey>` is accepted; otherwise any non-empty key. */
  apiKey?: string;
  /** Where signed events are POSTed (none when unset). */
  webhookUrl?: string;
  webhookSecret?: string;
  /** 1 = documented real processing times; 50 = 50x faster; tests use ~1000+. */
  speed?: number;
  /** Account balance, default 10_000. */
  initialCredits?: number;
  /** Default 60. */
  rateLimitPerMinute?: number;
  /** Prompts containing one answer 400 invalid_prompt. */
  blockedWords?: string[];
  /** Clock for timestamps, rate-limit windows and daily limits (default Date.now). */
  now?: () => number;
  logger?: Logger;
  /** Shrinks rendered video frames (not the reported resolution) so tests stay fast. Default 1. */
  mediaScale?: number;
  /** How long a webhook receiver may take before the attempt counts as a timeout. Default 10_000 (docs). */
  webhookTimeoutMs?: number;
  /** Delivery attempts per event, first included. Default 5. */
  webhookMaxAttempts?: number;
}

export interface FaultSwitches {
  /** Added to every API answer. */
  latencyMs: number;
  /** 0..1 chance of a 500 internal_error on any API call. */
  serverErrorRate: number;
  /** The next N API calls answer 500 (counts down). */
  serverErrorBurst: number;
  /** The next N calls answer 429 rate_limit_exceeded with details.retryAfter. */
  rateLimitBurst: number;
  /** Value used in those 429s (default 1). */
  retryAfterSeconds: number;
  /** The next N calls never answer (connection held until close). */
  hangBurst: number;
  /** 0..1 chance an accepted generation ends 'failed'. */
  generationFailureRate: number;
  /** The next N generations end failed. */
  failNextGenerations: number;
  dropWebhooks: boolean;
  duplicateWebhooks: boolean;
  /** Hold events and send them in reverse order. */
  reorderWebhooks: boolean;
  webhookDelayMs: number;
  /** Sign with a wrong key. */
  badSignature: boolean;
  /** API connections destroyed at once (socket reset). */
  unreachable: boolean;
}

export interface SimError {
  code: string;
  message: string;
}

export interface SimAvatar {
  id: string;
  userId: string;
  status: GenerationStatus;
  prompt: string;
  negativePrompt: string | null;
  model: AvatarModel;
  aspectRatio: AspectRatio;
  guidanceScale: number;
  seed: number;
  stylePreset: StylePreset | null;
  /** Per image. */
  creditCost: number;
  width: number;
  height: number;
  imageUrl?: string;
  thumbnailUrl?: string;
  metadata?: { generationTime: number; modelVersion: string };
  error?: SimError;
  createdAt: string;
  completedAt?: string;
}

export interface SimVideo {
  id: string;
  userId: string;
  avatarId: string;
  status: GenerationStatus;
  videoUrl?: string;
  thumbnailUrl?: string;
  durationSeconds: number;
  resolution: '720p' | '1080p';
  fps: number;
  fileSize?: number;
  format: VideoFormat;
  studioTier: StudioTier;
  motionStyle: MotionStyle;
  creditCost: number;
  hasAudio: boolean;
  audioId: string | null;
  title?: string;
  description?: string;
  tags?: string[];
  metadata?: { processingTime: number; renderEngine: 'video-studio-v3' };
  error?: SimError;
  createdAt: string;
  updatedAt?: string;
  completedAt?: string;
}

export interface SimAudio {
  id: string;
  userId: string;
  voiceId: string;
  text: string;
  status: GenerationStatus;
  audioUrl?: string;
  durationSeconds: number;
  format: 'mp3';
  creditCost: number;
  error?: SimError;
  createdAt: string;
  completedAt?: string;
}

export interface SimRequestRecord {
  method: string;
  path: string;
  /** 0 when the simulator never answered (hang or unreachable faults). */
  status: number;
  at: number;
  idempotencyKey?: string;
}

export interface SimWebhookDelivery {
  eventId: string;
  type: string;
  status: number | 'timeout' | 'error';
  attempt: number;
}

export interface PercifySimulator {
  /** API base including /v1, e.g. 'http://127.0.0.1:4010/v1'. */
  readonly url: string;
  /** 'http://127.0.0.1:4010' (media is served from here). */
  readonly origin: string;
  /** Mutable: changed live by tests and the playground page. */
  readonly faults: FaultSwitches;
  readonly requests: ReadonlyArray<SimRequestRecord>;
  credits(): number;
  setCredits(n: number): void;
  avatars(): ReadonlyArray<SimAvatar>;
  videos(): ReadonlyArray<SimVideo>;
  audios(): ReadonlyArray<SimAudio>;
  /** Generations currently processing (plan slots in use). */
  inFlight(): number;
  webhookDeliveries(): ReadonlyArray<SimWebhookDelivery>;
  setWebhook(url: string | undefined, secret?: string): void;
  close(): Promise<void>;
}
