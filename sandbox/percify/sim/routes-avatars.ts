import { insufficientCredits } from './account.js';
import { avatarPngPath, avatarThumbPath, submitAvatar } from './avatar-jobs.js';
import { ApiError, invalidRequest, notFound } from './errors.js';
import { isoSeconds, newId } from './ids.js';
import type { Route, RouteAnswer } from './server.js';
import { USER_ID, type SimAvatar, type SimContext } from './types.js';
import { asBody, numberIn, oneOf, optionalString, pageOf, publicCopy } from './validate.js';

const MODELS = ['flux', 'imagen3', 'reality4'] as const;
const PRICES: Record<(typeof MODELS)[number], number> = { flux: 2, imagen3: 5, reality4: 5 };
const SECONDS: Record<(typeof MODELS)[number], number> = { flux: 4, imagen3: 6.5, reality4: 8 };
const VERSIONS: Record<(typeof MODELS)[number], string> = {
  flux: 'flux-v1.1',
  imagen3: 'imagen3-v2.1',
  reality4: 'reality4-v1.0',
};
const SIZES = {
  '1:1': [1024, 1024],
  '16:9': [1344, 768],
  '9:16': [768, 1344],
  '4:3': [1152, 896],
  '3:4': [896, 1152],
} as const;
const ASPECTS = Object.keys(SIZES) as (keyof typeof SIZES)[];
export const STYLES = ['professional', 'anime', 'fantasy', 'cyberpunk', 'renaissance', 'realistic'] as const;
const MAX_SEED = 2147483647;

export function avatarRoutes(context: SimContext): Route[] {
  const get = (id: string): SimAvatar => {
    const avatar = context.avatars.get(id);
    if (!avatar) throw notFound('avatar_not_found', 'Avatar', id);
    return avatar;
  };
  return [
    { method: 'POST', pattern: /^\/v1\/avatars\/generate$/, handle: ({ body }) => generate(context, body) },
    {
      method: 'GET',
      pattern: /^\/v1\/avatars\/([^/]+)$/,
      handle: ({ params }) => ({ status: 200, body: publicCopy(get(params[0] ?? '')) }),
    },
    {
      method: 'DELETE',
      pattern: /^\/v1\/avatars\/([^/]+)$/,
      handle: ({ params }) => {
        const avatar = get(params[0] ?? '');
        context.avatars.delete(avatar.id);
        context.media.delete(avatarPngPath(avatar.id));
        context.media.delete(avatarThumbPath(avatar.id));
        return { status: 200, body: { success: true } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/avatars$/,
      handle: ({ query }) => {
        const status = query.get('status');
        const model = query.get('model');
        const all = [...context.avatars.values()]
          .filter(
            (avatar) =>
              (status === null || avatar.status === status) && (model === null || avatar.model === model),
          )
          .reverse();
        const { page, pagination } = pageOf(all, query);
        return { status: 200, body: { avatars: page.map(publicCopy), pagination } };
      },
    },
  ];
}

function generate(context: SimContext, raw: unknown): RouteAnswer {
  const body = asBody(raw);
  if (typeof body.prompt !== 'string') throw invalidRequest('prompt', 'is required');
  const prompt = body.prompt.trim();
  if (prompt.length < 1 || prompt.length > 1000) throw invalidRequest('prompt', 'must be 1-1000 characters');
  refuseBlockedWords(context, prompt);
  const model = oneOf(body, 'model', MODELS, 'flux');
  const negativePrompt = optionalString(body, 'negativePrompt') ?? null;
  const aspectRatio = oneOf(body, 'aspectRatio', ASPECTS, '1:1');
  const guidanceScale = numberIn(body, 'guidanceScale', { min: 1, max: 20 }, 10);
  const seed = numberIn(
    body,
    'seed',
    { min: 0, max: MAX_SEED, integer: true },
    Math.floor(Math.random() * MAX_SEED),
  );
  const batchSize = numberIn(body, 'batchSize', { min: 1, max: 4, integer: true }, 1);
  const stylePreset =
    body.stylePreset === undefined || body.stylePreset === null
      ? null
      : oneOf(body, 'stylePreset', STYLES, 'realistic');

  const price = PRICES[model];
  const total = price * batchSize;
  context.account.reserve(total, (available) => insufficientCredits(total, available));

  const [width, height] = SIZES[aspectRatio];
  const avatars: SimAvatar[] = [];
  for (let i = 0; i < batchSize; i += 1) {
    const avatar: SimAvatar = {
      id: newId('avatar'),
      userId: USER_ID,
      status: 'queued',
      prompt,
      negativePrompt,
      model,
      aspectRatio,
      guidanceScale,
      seed: (seed + i) % (MAX_SEED + 1),
      stylePreset,
      creditCost: price,
      width,
      height,
      createdAt: isoSeconds(context.now()),
    };
    avatars.push(avatar);
    submitAvatar(context, avatar, { processingSeconds: SECONDS[model], modelVersion: VERSIONS[model] });
  }
  const [single] = avatars;
  if (batchSize === 1 && single) return { status: 200, body: publicCopy(single) };
  return { status: 200, body: { avatars: avatars.map(publicCopy), creditCost: total } };
}

/** Percify refuses a prompt naming a blocked term before anything is reserved. */
export function refuseBlockedWords(context: SimContext, prompt: string): void {
  const lower = prompt.toLowerCase();
  const blocked = context.blockedWords.filter((word) => lower.includes(word.toLowerCase()));
  if (blocked.length > 0) {
    throw new ApiError(400, 'invalid_prompt', 'Prompt violates content policy', {
      reason: 'prohibited_content',
      categories: ['prohibited_terms'],
    });
  }
}
