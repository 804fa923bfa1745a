import { ApiError, invalidRequest, notFound } from './errors.js';
import { shouldFailGeneration } from './faults.js';
import { isoSeconds, newId } from './ids.js';
import type { Route, RouteAnswer } from './server.js';
import { scaled, USER_ID, type SimContext, type SimVideo } from './types.js';
import { asBody, oneOf, pageOf, publicCopy } from './validate.js';
import { finishVideo } from './video-render.js';

const TIERS = ['basic', 'reality-lab'] as const;
const MAX_DURATION = { basic: 10, 'reality-lab': 30 } as const;
const PRICE = { basic: { base: 30, perSecond: 6 }, 'reality-lab': { base: 20, perSecond: 4 } } as const;
const DAILY_LIMIT = { free: 10, pro: 100, enterprise: Number.POSITIVE_INFINITY } as const;

/** Documented processing times, middle of each range (seconds). */
function processingSeconds(tier: SimVideo['studioTier'], duration: number): number {
  if (tier === 'basic') return duration <= 5 ? 27.5 : 57.5;
  if (duration <= 5) return 47.5;
  return duration <= 15 ? 120 : 240;
}

export function videoPrice(tier: SimVideo['studioTier'], duration: number) {
  const base = PRICE[tier].base;
  const additional = Math.max(0, duration - 5) * PRICE[tier].perSecond;
  return { base, additional, total: base + additional };
}

export function videoRoutes(context: SimContext): Route[] {
  const get = (id: string): SimVideo => {
    const video = context.videos.get(id);
    if (!video) throw notFound('video_not_found', 'Video', id);
    return video;
  };
  const one = (video: SimVideo): RouteAnswer => ({ status: 200, body: publicCopy(video) });
  return [
    { method: 'POST', pattern: /^\/v1\/videos\/from-image$/, handle: ({ body }) => create(context, body) },
    {
      method: 'POST',
      pattern: /^\/v1\/videos\/([^/]+)\/add-audio$/,
      handle: ({ params, body }) => addAudio(context, get(params[0] ?? ''), body),
    },
    { method: 'GET', pattern: /^\/v1\/videos\/([^/]+)$/, handle: ({ params }) => one(get(params[0] ?? '')) },
    {
      method: 'PATCH',
      pattern: /^\/v1\/videos\/([^/]+)$/,
      handle: ({ params, body }) => one(patch(get(params[0] ?? ''), asBody(body))),
    },
    {
      method: 'DELETE',
      pattern: /^\/v1\/videos\/([^/]+)$/,
      handle: ({ params }) => {
        const video = get(params[0] ?? '');
        context.videos.delete(video.id);
        for (const url of [video.videoUrl, video.thumbnailUrl]) {
          if (url) context.media.delete(new URL(url).pathname);
        }
        return { status: 200, body: { success: true } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/videos$/,
      handle: ({ query }) => {
        const status = query.get('status');
        const avatarId = query.get('avatarId');
        const all = [...context.videos.values()]
          .filter(
            (v) => (status === null || v.status === status) && (avatarId === null || v.avatarId === avatarId),
          )
          .reverse();
        const { page, pagination } = pageOf(all, query);
        return { status: 200, body: { videos: page.map(publicCopy), pagination } };
      },
    },
  ];
}

function create(context: SimContext, raw: unknown): RouteAnswer {
  const body = asBody(raw);
  if (typeof body.imageId !== 'string' || body.imageId === '') throw invalidRequest('imageId', 'is required');
  const avatar = context.avatars.get(body.imageId);
  if (!avatar)
    throw new ApiError(400, 'invalid_image', `Avatar image not found or inaccessible: ${body.imageId}`);
  if (avatar.status !== 'completed') {
    throw new ApiError(409, 'avatar_not_completed', `Source avatar is still ${avatar.status}`, {
      avatarId: avatar.id,
      status: avatar.status,
    });
  }
  const studioTier = oneOf(body, 'studioTier', TIERS, 'basic');
  const duration = body.durationSeconds ?? 5;
  const max = MAX_DURATION[studioTier];
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 3 || duration > max) {
    throw new ApiError(
      400,
      'invalid_duration',
      `Duration must be a whole number of seconds from 3 to ${max}`,
      {
        min: 3,
        max,
        studioTier,
      },
    );
  }
  const motionStyle = oneOf(body, 'motionStyle', ['subtle', 'moderate', 'dynamic'] as const, 'moderate');
  const fps = body.fps ?? 30;
  if (fps !== 24 && fps !== 30 && fps !== 60) throw invalidRequest('fps', 'must be 24, 30 or 60');
  if (fps === 60 && studioTier !== 'reality-lab')
    throw invalidRequest('fps', '60 fps needs studioTier reality-lab');
  const format = oneOf(body, 'outputFormat', ['mp4', 'webm', 'mov'] as const, 'mp4');
  if (format === 'mov' && studioTier !== 'reality-lab') {
    throw invalidRequest('outputFormat', 'mov needs studioTier reality-lab');
  }

  const day = isoSeconds(context.now()).slice(0, 10);
  const today = context.videosPerDay.get(day) ?? 0;
  const limit = DAILY_LIMIT[context.plan];
  if (today >= limit) {
    throw new ApiError(
      429,
      'tier_limit_reached',
      `Daily video limit of ${limit} reached for the ${context.plan} plan`,
      {
        limit,
        tier: context.plan,
      },
    );
  }
  const calculation = videoPrice(studioTier, duration);
  context.account.reserve(calculation.total, (available) => {
    return new ApiError(
      402,
      'insufficient_credits',
      `Not enough credits for ${duration}-second video. Required: ${calculation.total}, Available: ${available}`,
      { required: calculation.total, available, calculation },
    );
  });
  context.videosPerDay.set(day, today + 1);

  const video: SimVideo = {
    id: newId('video'),
    userId: USER_ID,
    avatarId: avatar.id,
    status: 'queued',
    videoUrl: null,
    thumbnailUrl: null,
    durationSeconds: duration,
    resolution: studioTier === 'basic' ? '720p' : '1080p',
    fps,
    fileSize: null,
    format,
    studioTier,
    motionStyle,
    creditCost: calculation.total,
    hasAudio: false,
    audioId: null,
    metadata: { processingTime: null, renderEngine: 'video-studio-v3' },
    createdAt: isoSeconds(context.now()),
    completedAt: null,
  };
  context.videos.set(video.id, video);
  const seconds = processingSeconds(studioTier, duration);
  submitRender(context, video, seconds, {
    charge: calculation.total,
    processingSeconds: seconds,
    revision: 0,
    // Decided at accept time, so a test can switch the fault off right after submitting.
    doomed: shouldFailGeneration(context.faults),
  });
  return { status: 200, body: publicCopy(video) };
}

function submitRender(
  context: SimContext,
  video: SimVideo,
  seconds: number,
  options: Parameters<typeof finishVideo>[2],
): void {
  context.scheduler.submit({
    durationMs: scaled(context, seconds),
    start: () => {
      video.status = 'processing';
      context.webhooks.emit('video.processing', {
        videoId: video.id,
        userId: video.userId,
        avatarId: video.avatarId,
        status: 'processing',
      });
    },
    finish: () => finishVideo(context, video, options),
  });
}

/**
 * Re-renders the same video id with the speech muxed in: status goes back to processing, then
 * completed with hasAudio, audioId and a new videoUrl. Pricing is unspecified in the docs: free here.
 */
function addAudio(context: SimContext, video: SimVideo, raw: unknown): RouteAnswer {
  const body = asBody(raw);
  if (typeof body.audioId !== 'string' || body.audioId === '') throw invalidRequest('audioId', 'is required');
  if (body.enableLipSync !== undefined && typeof body.enableLipSync !== 'boolean') {
    throw invalidRequest('enableLipSync', 'must be a boolean');
  }
  const audio = context.audios.get(body.audioId);
  if (!audio) throw notFound('audio_not_found', 'Audio', body.audioId);
  if (video.status !== 'completed') {
    throw new ApiError(
      409,
      'video_not_completed',
      `Video is ${video.status}; add audio once it is completed`,
    );
  }
  if (audio.status !== 'completed') {
    throw new ApiError(409, 'audio_not_completed', `Audio is ${audio.status}; add it once it is completed`);
  }
  video.status = 'queued';
  delete video.error;
  const revision = video.videoUrl?.match(/_v(\d+)\./)?.[1] ?? '0';
  const seconds = processingSeconds(video.studioTier, video.durationSeconds);
  submitRender(context, video, seconds, {
    charge: 0,
    processingSeconds: seconds,
    audio,
    revision: Number(revision) + 1,
    doomed: shouldFailGeneration(context.faults),
  });
  return { status: 200, body: publicCopy(video) };
}

function patch(video: SimVideo, body: Record<string, unknown>): SimVideo {
  for (const field of ['title', 'description'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > 1000) throw invalidRequest(field, 'must be a string');
    video[field] = value;
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || !body.tags.every((tag): tag is string => typeof tag === 'string')) {
      throw invalidRequest('tags', 'must be an array of strings');
    }
    video.tags = body.tags;
  }
  return video;
}
