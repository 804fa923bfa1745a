import {
  AVATAR_MODELS,
  MAX_BATCH_SIZE,
  MODEL_INFO,
  STUDIO_TIERS,
  TIER_SPECS,
  type AvatarModel,
  type StudioTier,
} from '../../percify-catalog.js';
import { PercifyValidationError } from './errors.js';

// The catalog is data the command definitions share; re-exported so the client's callers find it here too.
export * from '../../percify-catalog.js';

/**
 * Percify prices and limits, copied from the Avatar "generate" page and the Video Studio overview
 * (the two documents the project was created from) and the audio overview. Pure functions and
 * constants, so the /help page can print the price list and tests can pin every worked example.
 */

/** Docs §3.7: an avatar from the member's photo. */
export const PERCIFY_YOURSELF_CREDITS = 10;
/** Docs §5.2: once per cloned voice; speaking with it later costs what any speech costs. */
export const VOICE_CLONE_CREDITS = 5;
export const AUDIO_BASE_CREDITS = 5;
export const AUDIO_CREDITS_PER_SECOND = 1;

/**
 * Speaking rate used to guess how long text-to-speech output will be: about 156 words a minute,
 * a common figure for narration. Only an estimate; the charge uses the real duration.
 */
export const SPEECH_WORDS_PER_SECOND = 2.6;

export function isAvatarModel(value: unknown): value is AvatarModel {
  return typeof value === 'string' && (AVATAR_MODELS as readonly string[]).includes(value);
}

export function isStudioTier(value: unknown): value is StudioTier {
  return typeof value === 'string' && (STUDIO_TIERS as readonly string[]).includes(value);
}

export function avatarCost(model: AvatarModel, batchSize = 1): number {
  if (!isAvatarModel(model)) {
    throw new PercifyValidationError('model', `must be one of ${AVATAR_MODELS.join(', ')}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new PercifyValidationError('batchSize', `must be a whole number from 1 to ${MAX_BATCH_SIZE}`);
  }
  return MODEL_INFO[model].credits * batchSize;
}

/** Throws unless `durationSeconds` is a whole number of seconds the tier can render. */
export function assertVideoDuration(tier: StudioTier, durationSeconds: number): void {
  if (!isStudioTier(tier)) {
    throw new PercifyValidationError('studioTier', `must be one of ${STUDIO_TIERS.join(', ')}`);
  }
  const spec = TIER_SPECS[tier];
  if (
    !Number.isInteger(durationSeconds) ||
    durationSeconds < spec.minSeconds ||
    durationSeconds > spec.maxSeconds
  ) {
    throw new PercifyValidationError(
      'durationSeconds',
      `must be a whole number of seconds from ${spec.minSeconds} to ${spec.maxSeconds} for ${spec.label}`,
    );
  }
}

export interface VideoCost {
  base: number;
  additional: number;
  total: number;
}

/** base + max(0, seconds − 5) × per-second rate; e.g. 8 s Basic = 30 + 18 = 48. */
export function videoCost(tier: StudioTier, durationSeconds: number): VideoCost {
  assertVideoDuration(tier, durationSeconds);
  const spec = TIER_SPECS[tier];
  const base = spec.baseCredits;
  const additional = Math.max(0, durationSeconds - spec.includedSeconds) * spec.perSecondCredits;
  return { base, additional, total: base + additional };
}

/**
 * 5 credits + 1 per second of audio. Fractional seconds are rounded to the nearest second: the docs'
 * audio example is 5.2 s for 10 credits.
 */
export function audioCost(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new PercifyValidationError('durationSeconds', 'must be a number of seconds, 0 or more');
  }
  return AUDIO_BASE_CREDITS + Math.round(seconds) * AUDIO_CREDITS_PER_SECOND;
}

/** Whole seconds the text will take to speak at SPEECH_WORDS_PER_SECOND, rounded up, at least 1. */
export function estimateSpeechSeconds(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / SPEECH_WORDS_PER_SECOND));
}

export function estimateAudioCost(text: string): number {
  return audioCost(estimateSpeechSeconds(text));
}

export interface ProcessingEstimate {
  min: number;
  max: number;
  typical: number;
}

export type ProcessingKind =
  | { kind: 'avatar'; model: AvatarModel }
  | { kind: 'video'; tier: StudioTier; durationSeconds: number }
  | { kind: 'audio' };

/** Documented generation times per model: 3–10 s overall; the seed's imagen3 example took ~8 s. */
export const AVATAR_PROCESSING_SECONDS: Readonly<Record<AvatarModel, ProcessingEstimate>> = {
  flux: { min: 3, max: 5, typical: 4 },
  imagen3: { min: 5, max: 8, typical: 6.5 },
  reality4: { min: 6, max: 10, typical: 8 },
};

export interface VideoProcessingRow extends ProcessingEstimate {
  tier: StudioTier;
  fromSeconds: number;
  toSeconds: number;
}

/**
 * The Video Studio processing table. The docs' Reality Lab rows are 3–5 s, 10–15 s and 15–30 s; the
 * middle row is extended down to 6 s so every duration has an answer.
 */
export const VIDEO_PROCESSING_TABLE: readonly VideoProcessingRow[] = [
  { tier: 'basic', fromSeconds: 3, toSeconds: 5, min: 20, max: 35, typical: 27.5 },
  { tier: 'basic', fromSeconds: 6, toSeconds: 10, min: 40, max: 75, typical: 57.5 },
  { tier: 'reality-lab', fromSeconds: 3, toSeconds: 5, min: 35, max: 60, typical: 47.5 },
  { tier: 'reality-lab', fromSeconds: 6, toSeconds: 15, min: 90, max: 150, typical: 120 },
  { tier: 'reality-lab', fromSeconds: 16, toSeconds: 30, min: 180, max: 300, typical: 240 },
];

export const AUDIO_PROCESSING_SECONDS: ProcessingEstimate = { min: 2, max: 5, typical: 3.5 };

/** How long Percify usually takes, in seconds, so the bot can show a useful progress estimate. */
export function expectedProcessingSeconds(job: ProcessingKind): ProcessingEstimate {
  switch (job.kind) {
    case 'avatar':
      if (!isAvatarModel(job.model)) {
        throw new PercifyValidationError('model', `must be one of ${AVATAR_MODELS.join(', ')}`);
      }
      return { ...AVATAR_PROCESSING_SECONDS[job.model] };
    case 'video': {
      assertVideoDuration(job.tier, job.durationSeconds);
      const row = VIDEO_PROCESSING_TABLE.find(
        (candidate) =>
          candidate.tier === job.tier &&
          job.durationSeconds >= candidate.fromSeconds &&
          job.durationSeconds <= candidate.toSeconds,
      );
      // Unreachable after assertVideoDuration: the table covers 3..max for both tiers.
      if (!row) throw new PercifyValidationError('durationSeconds', 'has no processing estimate');
      return { min: row.min, max: row.max, typical: row.typical };
    }
    case 'audio':
      return { ...AUDIO_PROCESSING_SECONDS };
  }
}
