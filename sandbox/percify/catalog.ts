import type { AspectRatio, AvatarModel, PercifyPlan, StudioTier, StylePreset } from './types.js';

/**
 * Facts copied from the Percify docs (the seed pages win). Kept here, not read from /work/shared,
 * because the simulator must run without the docs present.
 */

export const AVATAR_MODELS = ['flux', 'imagen3', 'reality4'] as const satisfies readonly AvatarModel[];
export const ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4'] as const satisfies readonly AspectRatio[];
export const STYLE_PRESETS = [
  'professional',
  'anime',
  'fantasy',
  'cyberpunk',
  'renaissance',
  'realistic',
] as const satisfies readonly StylePreset[];
export const STUDIO_TIERS = ['basic', 'reality-lab'] as const satisfies readonly StudioTier[];
export const MOTION_STYLES = ['subtle', 'moderate', 'dynamic'] as const;
export const VIDEO_FORMATS = ['mp4', 'webm', 'mov'] as const;
export const VIDEO_FPS = [24, 30, 60] as const;

export const AVATAR_PRICE: Record<AvatarModel, number> = { flux: 2, imagen3: 5, reality4: 5 };

/** Middle of the documented ranges (flux 3–5 s, imagen3 5–8 s, reality4 6–10 s). */
export const AVATAR_SECONDS: Record<AvatarModel, number> = { flux: 4, imagen3: 6.5, reality4: 8 };

export const MODEL_VERSION: Record<AvatarModel, string> = {
  flux: 'flux-v1.1',
  imagen3: 'imagen3-v2.1',
  reality4: 'reality4-v4.0',
};

/** 1:1 is documented (1024x1024); the rest keep roughly a megapixel at multiples of 64. */
export const ASPECT_DIMENSIONS: Record<AspectRatio, { width: number; height: number }> = {
  '1:1': { width: 1024, height: 1024 },
  '16:9': { width: 1344, height: 768 },
  '9:16': { width: 768, height: 1344 },
  '4:3': { width: 1152, height: 896 },
  '3:4': { width: 896, height: 1152 },
};

export const PLAN_SLOTS: Record<PercifyPlan, number> = { free: 1, pro: 3, enterprise: 10 };
export const PLAN_DAILY_VIDEOS: Record<PercifyPlan, number> = {
  free: 10,
  pro: 100,
  enterprise: Number.POSITIVE_INFINITY,
};

interface TierRule {
  base: number;
  includedSeconds: number;
  perSecond: number;
  maxSeconds: number;
  resolution: '720p' | '1080p';
  /** Short side of the frame in pixels. */
  shortSide: number;
}

export const TIER_RULES: Record<StudioTier, TierRule> = {
  basic: { base: 30, includedSeconds: 5, perSecond: 6, maxSeconds: 10, resolution: '720p', shortSide: 720 },
  'reality-lab': {
    base: 20,
    includedSeconds: 5,
    perSecond: 4,
    maxSeconds: 30,
    resolution: '1080p',
    shortSide: 1080,
  },
};

export const MIN_VIDEO_SECONDS = 3;

export interface VideoPrice {
  base: number;
  additional: number;
  total: number;
}

export function videoPrice(tier: StudioTier, durationSeconds: number): VideoPrice {
  const rule = TIER_RULES[tier];
  const additional = Math.max(0, durationSeconds - rule.includedSeconds) * rule.perSecond;
  return { base: rule.base, additional, total: rule.base + additional };
}

/** Middle of the documented processing-time ranges for the clip length. */
export function videoProcessingSeconds(tier: StudioTier, durationSeconds: number): number {
  if (tier === 'basic') return durationSeconds <= 5 ? 27.5 : 57.5;
  if (durationSeconds <= 5) return 47.5;
  if (durationSeconds <= 15) return 120;
  return 240;
}

/** Audio: "usually takes 2–5 s". */
export const AUDIO_SECONDS = 3.5;
export const AUDIO_WORDS_PER_SECOND = 2.6;
export const MAX_AUDIO_TEXT = 5000;

/** Speech length estimated from the word count, one decimal, at least a second. */
export function estimateSpeechSeconds(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round((words / AUDIO_WORDS_PER_SECOND) * 10) / 10);
}

/** "5 credits + 1 per second"; the docs' example (5.2 s -> 10 credits) implies rounding. */
export function audioPrice(durationSeconds: number): number {
  return 5 + Math.round(durationSeconds);
}

export interface VoiceEntry {
  id: string;
  name: string;
  type: 'preset' | 'cloned';
  language: string;
  /** Base pitch of the synthetic speech, in Hz. */
  pitchHz: number;
}

export const VOICES: readonly VoiceEntry[] = [
  {
    id: 'preset-professional-male',
    name: 'Professional Male',
    type: 'preset',
    language: 'en-US',
    pitchHz: 120,
  },
  {
    id: 'preset-professional-female',
    name: 'Professional Female',
    type: 'preset',
    language: 'en-US',
    pitchHz: 210,
  },
  { id: 'preset-friendly-male', name: 'Friendly Male', type: 'preset', language: 'en-US', pitchHz: 135 },
  { id: 'preset-friendly-female', name: 'Friendly Female', type: 'preset', language: 'en-US', pitchHz: 230 },
  { id: 'preset-narrator', name: 'Narrator', type: 'preset', language: 'en-US', pitchHz: 105 },
  { id: 'voice_sandbox01', name: 'Sandbox Narrator', type: 'cloned', language: 'en-US', pitchHz: 160 },
];

export const SIM_USER_ID = 'user_sandbox01';
export const RENDER_ENGINE = 'video-studio-v3';
