import { randomInt } from 'node:crypto';
import { ApiError, notFound } from '../api-error.js';
import {
  ASPECT_DIMENSIONS,
  ASPECT_RATIOS,
  AVATAR_MODELS,
  AVATAR_PRICE,
  SIM_USER_ID,
  STYLE_PRESETS,
} from '../catalog.js';
import { isoSeconds, newId } from '../ids.js';
import { avatarImagePath, avatarThumbPath, runAvatarJob } from '../jobs/avatar-job.js';
import type { SimState } from '../sim-state.js';
import type { SimAvatar } from '../types.js';
import {
  paginate,
  readEnum,
  readNumber,
  readPageQuery,
  readQueryEnum,
  readString,
  requireObject,
  requireString,
} from '../validation.js';
import { ok, type Route, type RouteContext } from './route-types.js';

const MAX_SEED = 2_147_483_647;
const STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;

function rejectBlockedPrompt(state: SimState, prompt: string): void {
  const lower = prompt.toLowerCase();
  const hits = state.blockedWords.filter((word) => word !== '' && lower.includes(word.toLowerCase()));
  if (hits.length > 0) {
    throw new ApiError(400, 'invalid_prompt', 'Prompt violates content policy', {
      reason: 'prohibited_content',
      categories: ['blocked_term'],
    });
  }
}

async function generateAvatars({ state, body }: RouteContext) {
  const input = requireObject(await body());
  const prompt = requireString(input, 'prompt', { min: 1, max: 1000 });
  const model = readEnum(input, 'model', AVATAR_MODELS, 'flux');
  const negativePrompt = readString(input, 'negativePrompt', { max: 1000 }) ?? null;
  const aspectRatio = readEnum(input, 'aspectRatio', ASPECT_RATIOS, '1:1');
  const guidanceScale = readNumber(input, 'guidanceScale', { min: 1, max: 20 }) ?? 10;
  const seed =
    readNumber(input, 'seed', { min: 0, max: MAX_SEED, integer: true }) ?? randomInt(0, MAX_SEED - 4);
  const batchSize = readNumber(input, 'batchSize', { min: 1, max: 4, integer: true }) ?? 1;
  const stylePreset = readEnum(input, 'stylePreset', STYLE_PRESETS) ?? null;
  rejectBlockedPrompt(state, prompt);

  const perImage = AVATAR_PRICE[model];
  const total = perImage * batchSize;
  state.credits.reserve(
    total,
    (available) =>
      new ApiError(
        402,
        'insufficient_credits',
        `Not enough credits. Required: ${total}, Available: ${available}`,
        {
          required: total,
          available,
          shortfall: total - available,
        },
      ),
  );
  const createdAt = isoSeconds(state.now());
  const { width, height } = ASPECT_DIMENSIONS[aspectRatio];
  const avatars: SimAvatar[] = [];
  for (let index = 0; index < batchSize; index++) {
    const avatar: SimAvatar = {
      id: newId('avatar'),
      userId: SIM_USER_ID,
      status: 'queued',
      prompt,
      negativePrompt,
      model,
      aspectRatio,
      guidanceScale,
      // The i-th variation uses seed+i, wrapping inside the documented range.
      seed: (seed + index) % (MAX_SEED + 1),
      stylePreset,
      creditCost: perImage,
      width,
      height,
      createdAt,
    };
    state.avatars.set(avatar.id, avatar);
    runAvatarJob(state, avatar, state.takeFailureDecision());
    avatars.push(avatar);
  }
  const snapshot = avatars.map((avatar) => structuredClone(avatar));
  return ok(batchSize === 1 ? snapshot[0] : { avatars: snapshot, creditCost: total });
}

function findAvatar(state: SimState, id: string): SimAvatar {
  const avatar = state.avatars.get(id);
  if (!avatar) throw notFound('avatar_not_found', 'Avatar', id);
  return avatar;
}

function listAvatars({ state, query }: RouteContext) {
  const page = readPageQuery(query);
  const status = readQueryEnum(query, 'status', STATUSES);
  const model = readQueryEnum(query, 'model', AVATAR_MODELS);
  const matching = [...state.avatars.values()]
    .filter(
      (avatar) =>
        (status === undefined || avatar.status === status) && (model === undefined || avatar.model === model),
    )
    .reverse();
  const { items, pagination } = paginate(matching, page);
  return ok({ avatars: items, pagination });
}

function deleteAvatar({ state, params }: RouteContext) {
  const id = params.id ?? '';
  findAvatar(state, id);
  state.avatars.delete(id);
  state.media.unpublish(avatarImagePath(id));
  state.media.unpublish(avatarThumbPath(id));
  return ok({ success: true });
}

export const avatarRoutes: Route[] = [
  { method: 'POST', path: '/avatars/generate', handler: generateAvatars },
  { method: 'GET', path: '/avatars', handler: listAvatars },
  {
    method: 'GET',
    path: '/avatars/:id',
    handler: ({ state, params }) => ok(findAvatar(state, params.id ?? '')),
  },
  { method: 'DELETE', path: '/avatars/:id', handler: deleteAvatar },
];
