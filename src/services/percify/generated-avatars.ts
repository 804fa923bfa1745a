import { PercifyResponseError } from './errors.js';
import { type AvatarModel, avatarCost, isAvatarModel } from './pricing.js';
import type { Avatar, generateAvatarResponseSchema } from './schemas.js';
import type { z } from 'zod';

export interface GeneratedAvatars {
  avatars: Avatar[];
  /** Credits for the whole request (every image of a batch). */
  creditCost: number;
}

/**
 * One shape for both answers of POST /avatars/generate: a single avatar (batchSize 1) or
 * `{ avatars, creditCost? }` (batches). The cost is the answer's total when given, else the sum of
 * the per-image costs, else the documented price for the model.
 */
export function toGeneratedAvatars(
  answer: z.output<typeof generateAvatarResponseSchema>,
  requestedModel: AvatarModel | undefined,
): GeneratedAvatars {
  // The schema checked each entry; Array.isArray alone would type them `any`.
  const avatars: Avatar[] =
    'avatars' in answer && Array.isArray(answer.avatars) ? (answer.avatars as Avatar[]) : [answer as Avatar];
  const answerCost = answer.creditCost;
  // In a batch answer a top-level cost equal to one image's cost is a per-image price, not a total.
  if (answerCost !== undefined && (avatars.length === 1 || answerCost !== avatars[0]?.creditCost)) {
    return { avatars, creditCost: answerCost };
  }
  const perImage = avatars.map((avatar) => avatar.creditCost);
  if (perImage.every((cost): cost is number => cost !== undefined)) {
    return { avatars, creditCost: perImage.reduce((sum, cost) => sum + cost, 0) };
  }
  const model = requestedModel ?? 'flux';
  if (!isAvatarModel(model)) throw new PercifyResponseError('Percify did not say what the avatars cost');
  return { avatars, creditCost: avatarCost(model, avatars.length) };
}
