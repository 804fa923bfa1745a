import { z } from 'zod';

/**
 * Response schemas. Objects are loose (unknown fields pass through) because the docs disagree on
 * shapes; the documented name variants are folded into one name before validation:
 * `creditsUsed` -> `creditCost`, `duration` -> `durationSeconds`. Top-level nulls become absent
 * fields so callers only deal with `undefined`.
 */

export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const ALIASES: ReadonlyArray<readonly [from: string, to: string]> = [
  ['creditsUsed', 'creditCost'],
  ['duration', 'durationSeconds'],
];

function normaliseFields(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== null) output[key] = value;
  }
  for (const [from, to] of ALIASES) {
    if (output[to] === undefined && output[from] !== undefined) output[to] = output[from];
  }
  return output;
}

const loose = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.preprocess(normaliseFields, z.looseObject(shape));

/** A failed job's reason: the docs show both a bare string and `{ code, message }`. */
const failureSchema = z
  .union([z.string(), z.looseObject({ code: z.string().optional(), message: z.string().optional() })])
  .transform((value) => (typeof value === 'string' ? { code: undefined, message: value } : value));

const statusSchema = z.enum(JOB_STATUSES);
const metadataSchema = z.record(z.string(), z.unknown());

export const avatarSchema = loose({
  id: z.string().min(1),
  status: statusSchema,
  prompt: z.string().optional(),
  negativePrompt: z.string().optional(),
  model: z.string().optional(),
  imageUrl: z.string().optional(),
  thumbnailUrl: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  aspectRatio: z.string().optional(),
  guidanceScale: z.number().optional(),
  seed: z.number().optional(),
  stylePreset: z.string().optional(),
  creditCost: z.number().optional(),
  error: failureSchema.optional(),
  metadata: metadataSchema.optional(),
  createdAt: z.string().optional(),
  completedAt: z.string().optional(),
});
export type Avatar = z.output<typeof avatarSchema>;

/** batchSize 1 answers with one avatar; batches answer `{ avatars: [...] }`. */
export const generateAvatarResponseSchema = z.union([
  loose({ avatars: z.array(avatarSchema).min(1), creditCost: z.number().optional() }),
  avatarSchema,
]);

const paginationSchema = loose({
  total: z.number().optional(),
  limit: z.number().optional(),
  offset: z.number().optional(),
  hasMore: z.boolean().optional(),
});

export interface Pagination {
  total: number | undefined;
  limit: number | undefined;
  offset: number | undefined;
  hasMore: boolean;
  /** Only in the OpenAPI cursor-style answer. */
  nextCursor: string | undefined;
}

export const avatarListSchema = loose({
  avatars: z.array(avatarSchema),
  pagination: paginationSchema.optional(),
  hasMore: z.boolean().optional(),
  nextCursor: z.string().optional(),
}).transform(({ avatars, pagination, hasMore, nextCursor }) => ({
  avatars,
  pagination: toPagination(pagination, hasMore, nextCursor),
}));
export type AvatarList = z.output<typeof avatarListSchema>;

export const videoSchema = loose({
  id: z.string().min(1),
  status: statusSchema,
  avatarId: z.string().optional(),
  videoUrl: z.string().optional(),
  thumbnailUrl: z.string().optional(),
  durationSeconds: z.number().optional(),
  resolution: z.string().optional(),
  fps: z.number().optional(),
  fileSize: z.number().optional(),
  format: z.string().optional(),
  studioTier: z.string().optional(),
  motionStyle: z.string().optional(),
  creditCost: z.number().optional(),
  hasAudio: z.boolean().optional(),
  audioId: z.string().optional(),
  error: failureSchema.optional(),
  metadata: metadataSchema.optional(),
  createdAt: z.string().optional(),
  completedAt: z.string().optional(),
});
export type Video = z.output<typeof videoSchema>;

/** `GET /videos` is undocumented: accept `{ videos, pagination }` or a bare array. */
export const videoListSchema = z
  .union([
    z.array(videoSchema).transform((videos) => ({ videos, pagination: undefined })),
    loose({
      videos: z.array(videoSchema),
      pagination: paginationSchema.optional(),
      hasMore: z.boolean().optional(),
      nextCursor: z.string().optional(),
    }).transform(({ videos, pagination, hasMore, nextCursor }) => ({
      videos,
      pagination: toPagination(pagination, hasMore, nextCursor),
    })),
  ])
  .transform(({ videos, pagination }) => ({
    videos,
    pagination: pagination ?? toPagination(undefined, undefined, undefined),
  }));
export type VideoList = z.output<typeof videoListSchema>;

export const audioSchema = loose({
  id: z.string().min(1),
  // The OpenAPI Audio schema has no status; an answer with a URL is treated as done.
  status: statusSchema.optional(),
  voiceId: z.string().optional(),
  text: z.string().optional(),
  audioUrl: z.string().optional(),
  durationSeconds: z.number().optional(),
  format: z.string().optional(),
  creditCost: z.number().optional(),
  error: failureSchema.optional(),
  createdAt: z.string().optional(),
  completedAt: z.string().optional(),
}).transform((audio) => ({
  ...audio,
  status: audio.status ?? (audio.audioUrl === undefined ? ('processing' as const) : ('completed' as const)),
}));
export type Audio = z.output<typeof audioSchema>;

export const voiceSchema = loose({
  id: z.string().min(1),
  name: z.string().optional(),
  language: z.string().optional(),
  type: z.string().optional(),
  status: z.string().optional(),
  sampleUrl: z.string().nullish(),
  sampleDuration: z.number().optional(),
  creditCost: z.number().int().nonnegative().optional(),
});
export type Voice = z.output<typeof voiceSchema>;

/** `GET /voices` is undocumented: accept `{ voices }` or a bare array. */
export const voiceListSchema = z
  .union([z.array(voiceSchema), loose({ voices: z.array(voiceSchema) })])
  .transform((answer) => (Array.isArray(answer) ? answer : answer.voices));

/** Three documented shapes; all share `balance`. */
export const creditBalanceSchema = loose({
  balance: z.number(),
  reserved: z.number().optional(),
  tier: z.string().optional(),
  nextRefill: z.string().optional(),
  totalPurchased: z.number().optional(),
  totalUsed: z.number().optional(),
});
export type CreditBalance = z.output<typeof creditBalanceSchema>;

function toPagination(
  pagination: z.output<typeof paginationSchema> | undefined,
  hasMore: boolean | undefined,
  nextCursor: string | undefined,
): Pagination {
  return {
    total: pagination?.total,
    limit: pagination?.limit,
    offset: pagination?.offset,
    hasMore: pagination?.hasMore ?? hasMore ?? false,
    nextCursor,
  };
}
