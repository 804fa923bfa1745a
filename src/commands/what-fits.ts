import type { GuildSettings } from '../services/credits/index.js';
import { longestVideoSeconds } from '../services/credits/server-limits.js';
import { credits } from '../services/delivery/style.js';
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
 * Each suggestion is a phrase such as "a Basic video of 6 s (36 credits)".
 */
export function whatFits(settings: GuildSettings, request: CompleteJobRequest, available: number): string[] {
  return request.kind === 'avatar'
    ? avatarFits(settings, request.params, available)
    : videoFits(settings, request.params, available);
}

function avatarFits(settings: GuildSettings, params: AvatarParams, available: number): string[] {
  const found: string[] = [];
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

function describeAvatars(model: AvatarParams['model'], count: number): string {
  const what = count === 1 ? `one ${model} image` : `${count} ${model} images`;
  return `${what} (${credits(avatarCost(model, count))})`;
}

function videoFits(settings: GuildSettings, params: VideoParams, available: number): string[] {
  // Adding a voice to a finished video costs the voice alone: nothing shorter to offer.
  if (params.existingVideoId) return [];
  const voice = params.speech ? estimateAudioCost(params.speech.text) : 0;
  const found: string[] = [];
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
): string | undefined {
  const spec = TIER_SPECS[tier];
  const longest = Math.min(upTo, longestVideoSeconds(settings.limits, tier));
  for (let seconds = longest; seconds >= spec.minSeconds; seconds -= 1) {
    const total = videoCost(tier, seconds).total + voice;
    if (total <= available) {
      const withVoice = voice > 0 ? ' with the line' : '';
      return `a ${spec.label} video of ${seconds} s${withVoice} (${credits(total)})`;
    }
  }
  return undefined;
}
