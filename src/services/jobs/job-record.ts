import { randomUUID } from 'node:crypto';
import type { AvatarModel, StudioTier, VideoFormat, VideoFps } from '../percify/pricing.js';
import type { AspectRatio, MotionStyle, StylePreset } from '../../percify-catalog.js';
import type { Message } from '../i18n/catalog-types.js';

/**
 * A job is one thing a member asked for that Percify works on: a set of avatar images, or a video
 * (with its optional voice stages). Its record holds everything needed to finish it after a restart,
 * and all state behind a result's buttons.
 */

export type JobKind = 'avatar' | 'video';

/**
 * queued      credits reserved, waiting for a plan slot
 * submitting  a generation request is (about to be) sent; if we crash here the outcome is unknown
 *             and must be reconciled against the account, never blindly resent
 * processing  Percify accepted it; its ids are recorded and it is being tracked
 * delivering  Percify finished; the result is being posted to Discord and the credits captured
 * done        delivered and charged                      (final)
 * failed      the member was told and the hold released  (final)
 */
export type JobState = 'queued' | 'submitting' | 'processing' | 'delivering' | 'done' | 'failed';

export const FINAL_STATES: ReadonlySet<JobState> = new Set(['done', 'failed']);

export interface InteractionRef {
  applicationId: string;
  /** The interaction token edits the reply for 15 minutes; a secret, redacted in logs. */
  token: string;
  createdAt: number;
}

/**
 * An avatar made from the member's own photo (Percify Yourself). The photo itself is never kept: the
 * job holds Discord's link to the attachment, reads it again when it is sent to Percify, and drops
 * the link once the job has its result.
 */
export interface PhotoSource {
  fileName: string;
  url?: string | undefined;
}

export interface AvatarParams {
  /** May be empty for a photo avatar: the photo says who it is. */
  prompt: string;
  /** Set for Percify Yourself; `model`, `seed` and `aspectRatio` then only fill the shape. */
  photo?: PhotoSource | undefined;
  negativePrompt?: string | undefined;
  model: AvatarModel;
  style?: StylePreset | undefined;
  aspectRatio: AspectRatio;
  guidance?: number | undefined;
  seed: number;
  variations: number;
}

export interface SpeechParams {
  text: string;
  voiceId: string;
  /** Percify's code for the spoken language (e.g. `ja-JP`); absent on jobs recorded before it existed. */
  language?: string | undefined;
}

export interface VideoParams {
  /** The Percify avatar id animated. */
  avatarId: string;
  /** The avatar's prompt, for the result's embed. */
  avatarPrompt?: string | undefined;
  durationSeconds: number;
  tier: StudioTier;
  motion: MotionStyle;
  fps: VideoFps;
  format: VideoFormat;
  speech?: SpeechParams | undefined;
  /** A voice added to a finished video: the video already exists and only audio stages run. */
  existingVideoId?: string | undefined;
}

export interface ResultImage {
  avatarId: string;
  /** Percify's URL for the full image, from the authoritative GET that saw it completed. */
  imageUrl?: string | undefined;
  seed: number;
  width?: number | undefined;
  height?: number | undefined;
  /** Where the uploaded copy lives on Discord, once delivered. */
  discordUrl?: string | undefined;
  creditCost: number;
}

export interface ResultVideo {
  videoId: string;
  durationSeconds: number;
  resolution?: string | undefined;
  fps?: number | undefined;
  format?: string | undefined;
  hasAudio: boolean;
  creditCost: number;
  /** Set when the file was too large to upload and is linked instead. */
  linkedUrl?: string | undefined;
  /** Where the uploaded copy lives on Discord, once delivered. */
  discordUrl?: string | undefined;
}

interface JobBase {
  id: string;
  state: JobState;
  ownerId: string;
  guildId: string;
  channelId: string;
  interaction: InteractionRef;
  /**
   * The member's Discord locale and the server's (`guild_locale`) when they asked, so that a result
   * or failure delivered later (from a webhook, after a restart) speaks the same language:
   * `forChannel(ctx.i18n, job)` for the public reply. Absent on jobs recorded before issue 15: English.
   */
  locale?: string | undefined;
  guildLocale?: string | undefined;
  /** The reply message this job edits; known once the first answer is sent. */
  replyMessageId?: string | undefined;
  reservedCredits: number;
  /** The member's spendable balance after the hold, as the first answer showed it. */
  balanceAfter?: number | undefined;
  /** Percify resource ids, recorded as soon as an answer names them. */
  percifyIds: string[];
  attempts: number;
  /** `message` in English for the logs and admins; `says`, the member's words still to render. */
  failure?:
    { code: string; message: string; says?: Message | undefined; stage?: string | undefined } | undefined;
  chargedCredits?: number | undefined;
  /** What Percify said the delivered work cost the operator (may differ from chargedCredits). */
  percifyCredits?: number | undefined;
  /** When the job entered its current state (deadlines count from it). */
  stateSince?: number | undefined;
  /**
   * Set on a job that failed at its processing deadline while Percify was still at work: until then
   * a late result is still delivered (free). Such a job stays in the open index until the watch ends.
   */
  lateWatchUntil?: number | undefined;
  /** Delivered after the bot had given up on it: free for the member. */
  deliveredLate?: boolean | undefined;
  deliveredVia?: 'interaction' | 'channel' | 'mention' | 'dm' | undefined;
  createdAt: number;
  updatedAt: number;
  submittedAt?: number | undefined;
  finishedAt?: number | undefined;
}

export interface AvatarJob extends JobBase {
  kind: 'avatar';
  params: AvatarParams;
  images?: ResultImage[] | undefined;
}

export interface VideoJob extends JobBase {
  kind: 'video';
  params: VideoParams;
  /** Stages of a video with speech: audio -> video -> add-audio. */
  audioId?: string | undefined;
  video?: ResultVideo | undefined;
}

export type JobRecord = AvatarJob | VideoJob;

/**
 * Short, sortable, safe for custom ids: `j` + time in base 36 + 40 random bits (ten hex digits). The
 * bits are a v4 UUID's first ten random digits: Node draws UUIDs from a buffered pool, ~0.3 µs a call
 * against ~2 µs (and far more on a cold process) for a `randomBytes` of its own.
 */
export function newJobId(now: number = Date.now()): string {
  const uuid = randomUUID();
  return `j${now.toString(36)}${uuid.slice(0, 8)}${uuid.slice(9, 11)}`;
}
