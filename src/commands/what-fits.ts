import type { GuildSettings } from '../services/credits/index.js';
import { longestVideoSeconds } from '../services/credits/server-limits.js';
import type { Message } from '../services/i18n/index.js';
import type { AvatarParams, VideoParams } from '../services/jobs/job-record.js';
import {
  MODEL_INFO,
  TIER_SPECS,
  avatarCost,
  estimateAudioCost,
  videoCost,
  type StudioTier,
} from '../services/percify/pricing.js';
import type { CompleteJobRequest } from './job-policy.js';

/**
 * What a member could make instead with the credits they have, from Percify's exact prices and the
 * server's limits: a smaller version of the same thing first, then the same on another tier or model.
 * Each suggestion is a phrase such as "a Basic video of 6 s (36 credits)", as a message the reader's
 * language renders (`guide.afford.*`).
 */
export function whatFits(settings: GuildSettings, request: CompleteJobRequest, available: number): Message[] {
  return request.kind === 'avatar'
    ? avatarFits(settings, request.params, available)
    : videoFits(settings, request.params, available);
}

function avatarFits(settings: GuildSettings, params: AvatarParams, available: number): Message[] {
  const found: Message[] = [];
  const fewer = largestBatch(params.model, params.variations - 1, available);
  if (fewer > 0) found.push(describeAvatars(params.model, fewer));
  for (const model of settings.limits.allowedModels) {
    if (model === params.model || MODEL_INFO[model].credits >= MODEL_INFO[params.model].credits) continue;
    const count = largestBatch(model, params.variations, available);
    if (count > 0) {
      found.push(describeAvatars(model, count));
      break;
    }
  }
  return found;
}

function largestBatch(model: AvatarParams['model'], upTo: number, available: number): number {
  for (let count = upTo; count >= 1; count -= 1) if (avatarCost(model, count) <= available) return count;
  return 0;
}

/** A price, in the reader's words ("36 credits"). */
function cost(amount: number): Message {
  return { key: 'units.credits', vars: { count: amount } };
}

function describeAvatars(model: AvatarParams['model'], count: number): Message {
  return { key: 'guide.afford.images', vars: { count, model, cost: cost(avatarCost(model, count)) } };
}

function videoFits(settings: GuildSettings, params: VideoParams, available: number): Message[] {
  // Adding a voice to a finished video costs the voice alone: nothing shorter to offer.
  if (params.existingVideoId) return [];
  const voice = params.speech ? estimateAudioCost(params.speech.text) : 0;
  const found: Message[] = [];
  const shorter = longestVideo(settings, params.tier, params.durationSeconds - 1, voice, available);
  if (shorter) found.push(shorter);
  for (const tier of settings.limits.allowedTiers) {
    if (tier === params.tier) continue;
    const other = longestVideo(settings, tier, params.durationSeconds, voice, available);
    if (other) found.push(other);
  }
  return found;
}

/** The longest clip on `tier` of at most `upTo` seconds that fits, described; undefined if none does. */
function longestVideo(
  settings: GuildSettings,
  tier: StudioTier,
  upTo: number,
  voice: number,
  available: number,
): Message | undefined {
  const spec = TIER_SPECS[tier];
  const longest = Math.min(upTo, longestVideoSeconds(settings.limits, tier));
  for (let seconds = longest; seconds >= spec.minSeconds; seconds -= 1) {
    const total = videoCost(tier, seconds).total + voice;
    if (total <= available) {
      return {
        key: voice > 0 ? 'guide.afford.videoWithLine' : 'guide.afford.video',
        vars: { tier: spec.label, seconds, cost: cost(total) },
      };
    }
  }
  return undefined;
}
