/**
 * Percify's catalog: the models, tiers, formats and presets it offers, with their prices and limits,
 * copied from the Avatar "generate" page and the Video Studio overview. Data only, with no imports, so
 * the slash command definitions (which deploy loads alone) and the Percify client share one copy.
 */

export const AVATAR_MODELS = ['flux', 'imagen3', 'reality4'] as const;
export type AvatarModel = (typeof AVATAR_MODELS)[number];

export const STUDIO_TIERS = ['basic', 'reality-lab'] as const;
export type StudioTier = (typeof STUDIO_TIERS)[number];

export const VIDEO_FORMATS = ['mp4', 'webm', 'mov'] as const;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];

export const VIDEO_FPS = [24, 30, 60] as const;
export type VideoFps = (typeof VIDEO_FPS)[number];

export const MAX_BATCH_SIZE = 4;
export const MIN_VIDEO_SECONDS = 3;

export interface ModelInfo {
  label: string;
  description: string;
  /** Credits per image; a batch costs this times batchSize. */
  credits: number;
}

export const MODEL_INFO: Readonly<Record<AvatarModel, ModelInfo>> = {
  flux: { label: 'Fast', description: 'Fast, standard quality', credits: 2 },
  imagen3: { label: 'High quality', description: 'High quality', credits: 5 },
  reality4: { label: 'Ultra realistic', description: 'Ultra realistic', credits: 5 },
};

export interface TierSpec {
  label: string;
  resolution: '720p' | '1080p';
  width: number;
  height: number;
  fps: readonly VideoFps[];
  defaultFps: VideoFps;
  minSeconds: number;
  maxSeconds: number;
  formats: readonly VideoFormat[];
  /** Credits for a clip up to `includedSeconds` long. */
  baseCredits: number;
  includedSeconds: number;
  /** Credits for each second beyond `includedSeconds`. */
  perSecondCredits: number;
}

export const TIER_SPECS: Readonly<Record<StudioTier, TierSpec>> = {
  basic: {
    label: 'Basic',
    resolution: '720p',
    width: 1280,
    height: 720,
    // The docs give 30 fps for Basic; 24 is accepted as well (only 60 needs Reality Lab).
    fps: [24, 30],
    defaultFps: 30,
    minSeconds: MIN_VIDEO_SECONDS,
    maxSeconds: 10,
    formats: ['mp4', 'webm'],
    baseCredits: 30,
    includedSeconds: 5,
    perSecondCredits: 6,
  },
  'reality-lab': {
    label: 'Reality Lab',
    resolution: '1080p',
    width: 1920,
    height: 1080,
    fps: [24, 30, 60],
    defaultFps: 30,
    minSeconds: MIN_VIDEO_SECONDS,
    maxSeconds: 30,
    formats: ['mp4', 'webm', 'mov'],
    baseCredits: 20,
    includedSeconds: 5,
    perSecondCredits: 4,
  },
};

export const ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const STYLE_PRESETS = [
  'professional',
  'anime',
  'fantasy',
  'cyberpunk',
  'renaissance',
  'realistic',
] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

export const MOTION_STYLES = ['subtle', 'moderate', 'dynamic'] as const;
export type MotionStyle = (typeof MOTION_STYLES)[number];

/** Seeds are 32-bit signed integers at Percify. */
export const MAX_SEED = 2_147_483_647;

/** Voice names: the docs give no limit; 100 keeps a list readable and matches the simulator. */
export const VOICE_NAME_MAX_LENGTH = 100;
