import { FormData } from 'undici';
import { PercifyValidationError } from './errors.js';
import {
  AVATAR_MODELS,
  type AvatarModel,
  assertVideoDuration,
  MAX_BATCH_SIZE,
  STUDIO_TIERS,
  type StudioTier,
  TIER_SPECS,
  VIDEO_FORMATS,
  type VideoFormat,
  VIDEO_FPS,
  type VideoFps,
} from './pricing.js';
import { JOB_STATUSES, type JobStatus } from './schemas.js';
import {
  ASPECT_RATIOS,
  MAX_SEED,
  MOTION_STYLES,
  STYLE_PRESETS,
  VOICE_NAME_MAX_LENGTH,
  type AspectRatio,
  type MotionStyle,
  type StylePreset,
} from '../../percify-catalog.js';

/**
 * Request types and their checks against the documented ranges. Every check runs before anything is
 * sent, so a bad input costs no request and no credits. Each function returns the JSON body to send.
 */

/**
 * The docs give no prompt limit (the SDK guide's own check stops at 500); 1000 keeps absurd inputs
 * out and matches the sandbox simulator.
 */
export const PROMPT_MAX_LENGTH = 1000;
/** The prose says 10,000 characters, the OpenAPI file 5,000: the lower one is safe with both. */
export const SPEECH_TEXT_MAX_LENGTH = 5000;

export interface GenerateAvatarRequest {
  prompt: string;
  model?: AvatarModel;
  negativePrompt?: string;
  aspectRatio?: AspectRatio;
  /** 1–20; 7–15 recommended. */
  guidanceScale?: number;
  /** Whole number 0–2147483647. */
  seed?: number;
  /** 1–4; every image is charged. */
  batchSize?: number;
  /** Sent as `stylePreset`. */
  style?: StylePreset;
  /** Sent as the `Idempotency-Key` header; callers pass their job id. */
  idempotencyKey?: string;
}

export interface CreateVideoRequest {
  imageId: string;
  /** Whole seconds from 3 to the tier maximum (Basic 10, Reality Lab 30). */
  durationSeconds: number;
  studioTier?: StudioTier;
  motionStyle?: MotionStyle;
  /** 60 needs Reality Lab. */
  fps?: VideoFps;
  /** mov needs Reality Lab. */
  outputFormat?: VideoFormat;
  idempotencyKey?: string;
}

export interface AddAudioRequest {
  audioId: string;
  enableLipSync?: boolean;
  idempotencyKey?: string;
}

export interface GenerateAudioRequest {
  text: string;
  voiceId: string;
  /** BCP-47, one of Percify's 29 (§6.4); Percify guesses from the text without it. */
  language?: string | undefined;
  idempotencyKey?: string;
}

export interface ListAvatarsQuery {
  limit?: number;
  offset?: number;
  status?: JobStatus;
  model?: AvatarModel;
}

export interface ListVideosQuery {
  limit?: number;
  offset?: number;
}

/** PATCH /videos/{id}: the body is undocumented, so any JSON fields are passed through. */
export type VideoUpdate = Record<string, unknown>;

type JsonBody = Record<string, unknown>;

const fail = (field: string, message: string): never => {
  throw new PercifyValidationError(field, message);
};

function oneOf<T extends string | number>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) fail(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function text(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(field, 'must be a non-empty text');
  if (value.length > maxLength) fail(field, `must be at most ${maxLength} characters`);
  return value;
}

function wholeNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be a whole number from ${min} to ${max}`);
  }
  return value as number;
}

/** Ids go into URL paths; they must be non-empty strings (they are percent-encoded when sent). */
export function checkId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(field, 'must be a non-empty id');
  if (value.length > 200) fail(field, 'is too long to be a Percify id');
  return value;
}

function optionalIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(value)) {
    fail('idempotencyKey', 'must be 1–255 visible ASCII characters');
  }
  return value as string;
}

export function buildGenerateAvatarBody(request: GenerateAvatarRequest): {
  body: JsonBody;
  idempotencyKey: string | undefined;
} {
  const body: JsonBody = { prompt: text('prompt', request.prompt, PROMPT_MAX_LENGTH) };
  if (request.model !== undefined) body.model = oneOf('model', request.model, AVATAR_MODELS);
  if (request.negativePrompt !== undefined) {
    body.negativePrompt = text('negativePrompt', request.negativePrompt, PROMPT_MAX_LENGTH);
  }
  if (request.aspectRatio !== undefined) {
    body.aspectRatio = oneOf('aspectRatio', request.aspectRatio, ASPECT_RATIOS);
  }
  if (request.guidanceScale !== undefined) {
    const scale = request.guidanceScale;
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 1 || scale > 20) {
      fail('guidanceScale', 'must be a number from 1 to 20');
    }
    body.guidanceScale = scale;
  }
  if (request.seed !== undefined) body.seed = wholeNumber('seed', request.seed, 0, MAX_SEED);
  if (request.batchSize !== undefined) {
    body.batchSize = wholeNumber('batchSize', request.batchSize, 1, MAX_BATCH_SIZE);
  }
  if (request.style !== undefined) body.stylePreset = oneOf('style', request.style, STYLE_PRESETS);
  return { body, idempotencyKey: optionalIdempotencyKey(request.idempotencyKey) };
}

export function buildCreateVideoBody(request: CreateVideoRequest): {
  body: JsonBody;
  idempotencyKey: string | undefined;
} {
  const imageId = checkId('imageId', request.imageId);
  // The tier is always sent explicitly, so the price we quote is the price Percify charges.
  const studioTier = oneOf('studioTier', request.studioTier ?? 'basic', STUDIO_TIERS);
  if (typeof request.durationSeconds !== 'number') fail('durationSeconds', 'must be a number of seconds');
  assertVideoDuration(studioTier, request.durationSeconds);
  const spec = TIER_SPECS[studioTier];
  const body: JsonBody = { imageId, durationSeconds: request.durationSeconds, studioTier };
  if (request.motionStyle !== undefined) {
    body.motionStyle = oneOf('motionStyle', request.motionStyle, MOTION_STYLES);
  }
  if (request.fps !== undefined) {
    const fps = oneOf('fps', request.fps, VIDEO_FPS);
    if (!spec.fps.includes(fps)) fail('fps', `${fps} fps needs Reality Lab`);
    body.fps = fps;
  }
  if (request.outputFormat !== undefined) {
    const format = oneOf('outputFormat', request.outputFormat, VIDEO_FORMATS);
    if (!spec.formats.includes(format)) fail('outputFormat', `${format} needs Reality Lab`);
    body.outputFormat = format;
  }
  return { body, idempotencyKey: optionalIdempotencyKey(request.idempotencyKey) };
}

export function buildAddAudioBody(request: AddAudioRequest): {
  body: JsonBody;
  idempotencyKey: string | undefined;
} {
  const audioId = checkId('audioId', request.audioId);
  const enableLipSync = request.enableLipSync ?? true;
  if (typeof enableLipSync !== 'boolean') fail('enableLipSync', 'must be true or false');
  return {
    body: { audioId, enableLipSync },
    idempotencyKey: optionalIdempotencyKey(request.idempotencyKey),
  };
}

export function buildGenerateAudioBody(request: GenerateAudioRequest): {
  body: JsonBody;
  idempotencyKey: string | undefined;
} {
  return {
    body: {
      text: text('text', request.text, SPEECH_TEXT_MAX_LENGTH),
      voiceId: checkId('voiceId', request.voiceId),
      ...(request.language === undefined ? {} : { language: text('language', request.language, 35) }),
    },
    idempotencyKey: optionalIdempotencyKey(request.idempotencyKey),
  };
}

export function buildListAvatarsQuery(query: ListAvatarsQuery): Record<string, string> {
  const params = buildPageQuery(query);
  if (query.status !== undefined) params.status = oneOf('status', query.status, JOB_STATUSES);
  if (query.model !== undefined) params.model = oneOf('model', query.model, AVATAR_MODELS);
  return params;
}

export function buildPageQuery(query: ListVideosQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.limit !== undefined) params.limit = String(wholeNumber('limit', query.limit, 1, 100));
  if (query.offset !== undefined) {
    params.offset = String(wholeNumber('offset', query.offset, 0, Number.MAX_SAFE_INTEGER));
  }
  return params;
}

export function checkVideoUpdate(patch: VideoUpdate): VideoUpdate {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    fail('patch', 'must be an object of fields to change');
  }
  if (Object.keys(patch).length === 0) fail('patch', 'must change at least one field');
  return patch;
}

/** An uploaded file: the bytes in memory, never a path on disk. */
export interface UploadFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

export interface PercifyYourselfRequest {
  image: UploadFile;
  style?: StylePreset | undefined;
  prompt?: string | undefined;
  idempotencyKey?: string;
}

export interface CloneVoiceRequest {
  sample: UploadFile;
  name: string;
  description?: string | undefined;
  language?: string | undefined;
}

function appendFile(form: FormData, field: string, upload: UploadFile): void {
  form.append(field, new Blob([upload.bytes], { type: upload.contentType }), upload.fileName);
}

/** `POST /avatars/percify-yourself` (docs §3.7): multipart `image`, `style`, `prompt`. */
export function buildPercifyYourselfForm(request: PercifyYourselfRequest): {
  form: FormData;
  idempotencyKey: string | undefined;
} {
  const form = new FormData();
  appendFile(form, 'image', request.image);
  if (request.style !== undefined) form.append('style', oneOf('style', request.style, STYLE_PRESETS));
  if (request.prompt !== undefined && request.prompt.trim() !== '') {
    form.append('prompt', text('prompt', request.prompt, PROMPT_MAX_LENGTH));
  }
  return { form, idempotencyKey: optionalIdempotencyKey(request.idempotencyKey) };
}

/**
 * `POST /voices/clone` (docs §5.2). The file field is `audio` in the prose and curl examples but
 * `audioFile` in the OpenAPI file (a CONTRADICTION): the caller picks which one to send.
 */
export function buildCloneVoiceForm(request: CloneVoiceRequest, fileField: 'audio' | 'audioFile'): FormData {
  const form = new FormData();
  appendFile(form, fileField, request.sample);
  form.append('name', text('name', request.name, VOICE_NAME_MAX_LENGTH));
  if (request.description !== undefined)
    form.append('description', text('description', request.description, 500));
  if (request.language !== undefined) form.append('language', text('language', request.language, 35));
  return form;
}
