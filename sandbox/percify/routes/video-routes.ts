import { ApiError, invalidField, notFound } from '../api-error.js';
import {
  MIN_VIDEO_SECONDS,
  MOTION_STYLES,
  SIM_USER_ID,
  STUDIO_TIERS,
  TIER_RULES,
  VIDEO_FORMATS,
  videoPrice,
} from '../catalog.js';
import { isoSeconds, newId } from '../ids.js';
import { runAddAudioJob, runVideoJob } from '../jobs/video-job.js';
import type { SimState } from '../sim-state.js';
import type { SimVideo } from '../types.js';
import {
  paginate,
  readBoolean,
  readEnum,
  readPageQuery,
  readQueryEnum,
  readString,
  readStringList,
  requireObject,
  requireString,
} from '../validation.js';
import { ok, type Route, type RouteContext } from './route-types.js';

const STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
const DEFAULT_DURATION = 5;

function readDuration(input: Record<string, unknown>, max: number, tier: string): number {
  const value = input.durationSeconds;
  if (value === undefined || value === null) return DEFAULT_DURATION;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_VIDEO_SECONDS || value > max) {
    throw new ApiError(
      400,
      'invalid_duration',
      `durationSeconds must be a whole number from ${MIN_VIDEO_SECONDS} to ${max} for the ${tier} tier`,
      { min: MIN_VIDEO_SECONDS, max, studioTier: tier, received: value },
    );
  }
  return value;
}

async function createVideo({ state, body }: RouteContext) {
  const input = requireObject(await body());
  const imageId = requireString(input, 'imageId', { max: 200 });
  const studioTier = readEnum(input, 'studioTier', STUDIO_TIERS, 'basic');
  const rule = TIER_RULES[studioTier];
  const durationSeconds = readDuration(input, rule.maxSeconds, studioTier);
  const motionStyle = readEnum(input, 'motionStyle', MOTION_STYLES, 'moderate');
  const fpsValue = input.fps ?? 30;
  if (fpsValue !== 24 && fpsValue !== 30 && fpsValue !== 60)
    throw invalidField('fps', 'must be 24, 30 or 60');
  if (fpsValue === 60 && studioTier !== 'reality-lab')
    throw invalidField('fps', '60 fps needs studioTier reality-lab');
  const format = readEnum(input, 'outputFormat', VIDEO_FORMATS, 'mp4');
  if (format === 'mov' && studioTier !== 'reality-lab') {
    throw invalidField('outputFormat', 'mov (ProRes) needs studioTier reality-lab');
  }
  const avatar = state.avatars.get(imageId);
  if (!avatar)
    throw new ApiError(400, 'invalid_image', `Avatar image ${imageId} not found or inaccessible`, {
      imageId,
    });
  if (avatar.status !== 'completed') {
    throw new ApiError(409, 'avatar_not_completed', `Avatar ${imageId} is still ${avatar.status}`, {
      imageId,
      status: avatar.status,
    });
  }
  const limit = state.dailyVideoLimit();
  if (state.videosToday() >= limit) {
    throw new ApiError(
      429,
      'tier_limit_reached',
      `Daily video limit of ${limit} reached for the ${state.plan} plan`,
      {
        limit,
        tier: state.plan,
        window: '1d',
      },
    );
  }
  const price = videoPrice(studioTier, durationSeconds);
  state.credits.reserve(
    price.total,
    (available) =>
      new ApiError(
        402,
        'insufficient_credits',
        `Not enough credits for ${durationSeconds}-second video. Required: ${price.total}, Available: ${available}`,
        { required: price.total, available, calculation: price },
      ),
  );
  state.countVideoToday();
  const video: SimVideo = {
    id: newId('video'),
    userId: SIM_USER_ID,
    avatarId: avatar.id,
    status: 'queued',
    durationSeconds,
    resolution: rule.resolution,
    fps: fpsValue,
    format,
    studioTier,
    motionStyle,
    creditCost: price.total,
    hasAudio: false,
    audioId: null,
    createdAt: isoSeconds(state.now()),
  };
  state.videos.set(video.id, video);
  runVideoJob(state, video, avatar.aspectRatio, state.takeFailureDecision());
  return ok(structuredClone(video));
}

function findVideo(state: SimState, id: string): SimVideo {
  const video = state.videos.get(id);
  if (!video) throw notFound('video_not_found', 'Video', id);
  return video;
}

function listVideos({ state, query }: RouteContext) {
  const page = readPageQuery(query);
  const status = readQueryEnum(query, 'status', STATUSES);
  const avatarId = query.get('avatarId');
  const matching = [...state.videos.values()]
    .filter(
      (video) =>
        (status === undefined || video.status === status) && (!avatarId || video.avatarId === avatarId),
    )
    .reverse();
  const { items, pagination } = paginate(matching, page);
  return ok({ videos: items, pagination });
}

async function updateVideo({ state, params, body }: RouteContext) {
  const video = findVideo(state, params.id ?? '');
  const input = requireObject(await body());
  const title = readString(input, 'title', { max: 100 });
  const description = readString(input, 'description', { max: 500 });
  const tags = readStringList(input, 'tags', { maxItems: 10, maxLength: 50 });
  if (title !== undefined) video.title = title;
  if (description !== undefined) video.description = description;
  if (tags !== undefined) video.tags = tags;
  video.updatedAt = isoSeconds(state.now());
  return ok(video);
}

function deleteVideo({ state, params }: RouteContext) {
  const id = params.id ?? '';
  const video = findVideo(state, id);
  state.videos.delete(id);
  const renders = state.videoFiles.get(id)?.renders ?? 1;
  const names = [`${id}.${video.format}`, `${id}_thumb.jpg`];
  for (let render = 2; render <= renders; render++) names.push(`${id}_v${render}.${video.format}`);
  for (const name of names) state.media.unpublish(`/media/videos/${name}`);
  return ok({ success: true });
}

async function addAudio({ state, params, body }: RouteContext) {
  const video = findVideo(state, params.id ?? '');
  const input = requireObject(await body());
  const audioId = requireString(input, 'audioId', { max: 200 });
  // Lip-sync is what the docs describe; the flag is accepted and recorded but changes nothing here.
  readBoolean(input, 'enableLipSync', true);
  if (video.status !== 'completed') {
    throw new ApiError(
      409,
      'video_not_completed',
      `Video ${video.id} is ${video.status}; audio can be added once it completes`,
      {
        videoId: video.id,
        status: video.status,
      },
    );
  }
  const audio = state.audios.get(audioId);
  if (!audio) throw notFound('audio_not_found', 'Audio', audioId);
  if (audio.status !== 'completed') {
    throw new ApiError(409, 'audio_not_completed', `Audio ${audioId} is still ${audio.status}`, { audioId });
  }
  runAddAudioJob(state, video, audio, state.takeFailureDecision());
  return ok(structuredClone(video));
}

export const videoRoutes: Route[] = [
  { method: 'POST', path: '/videos/from-image', handler: createVideo },
  { method: 'GET', path: '/videos', handler: listVideos },
  {
    method: 'GET',
    path: '/videos/:id',
    handler: ({ state, params }) => ok(findVideo(state, params.id ?? '')),
  },
  { method: 'PATCH', path: '/videos/:id', handler: updateVideo },
  { method: 'DELETE', path: '/videos/:id', handler: deleteVideo },
  { method: 'POST', path: '/videos/:id/add-audio', handler: addAudio },
];
