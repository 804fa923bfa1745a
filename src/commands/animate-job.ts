import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import type { GuildSettings } from '../services/credits/index.js';
import { longestVideoSeconds } from '../services/credits/server-limits.js';
import { renderVideoPending } from '../services/delivery/video-replies.js';
import { forChannel, type Message, type Translator } from '../services/i18n/index.js';
import type { VideoJob, VideoParams } from '../services/jobs/job-record.js';
import {
  TIER_SPECS,
  estimateAudioCost,
  videoCost,
  type StudioTier,
  type VideoFormat,
  type VideoFps,
} from '../services/percify/pricing.js';
import type { MotionStyle } from '../percify-catalog.js';
import { cleanPrompt } from './avatar-job.js';
import { SPEECH_MAX } from './data/animate.js';
import { launchJob } from './launch-job.js';
import type { SpokenLanguage } from '../services/i18n/spoken-languages.js';

/** A voice every account has (the documented presets); used when a member names none. */
export const DEFAULT_VOICE = 'preset-narrator';
/** The seed's advice: keep clips at 5 s, where the base price covers them. */
export const DEFAULT_DURATION = 5;

export interface VideoRequest {
  avatarId: string;
  avatarPrompt?: string | undefined;
  durationSeconds?: number | undefined;
  tier?: StudioTier | undefined;
  motion?: MotionStyle | undefined;
  fps?: number | undefined;
  format?: VideoFormat | undefined;
  speech?: string | undefined;
  voiceId?: string | undefined;
  /** The spoken line's language, already checked against Percify's list. */
  language?: SpokenLanguage | undefined;
  existingVideoId?: string | undefined;
}

export interface VideoQuote {
  video: number;
  audio: number;
  total: number;
}

/**
 * The tier's lengths, and Reality Lab for a clip too long for Basic when this server allows that tier
 * and that long a clip.
 */
function badDuration(tier: StudioTier, durationSeconds: number, settings: GuildSettings): Message {
  const spec = TIER_SPECS[tier];
  const vars = { tier: spec.label, min: spec.minSeconds, max: spec.maxSeconds };
  const longest = longestVideoSeconds(settings.limits, 'reality-lab');
  const hint =
    tier === 'basic' &&
    durationSeconds > TIER_SPECS.basic.maxSeconds &&
    settings.limits.allowedTiers.includes('reality-lab') &&
    longest > TIER_SPECS.basic.maxSeconds;
  return hint
    ? { key: 'animate.params.badDurationLonger', vars: { ...vars, longest } }
    : { key: 'animate.params.badDuration', vars };
}

/** Fills the defaults (the server's first tier) and applies Percify's tier rules, in words a member reads. */
export function resolveVideoParams(request: VideoRequest, settings: GuildSettings): VideoParams {
  const tier = request.tier ?? (settings.limits.allowedTiers.includes('basic') ? 'basic' : 'reality-lab');
  const spec = TIER_SPECS[tier];
  const durationSeconds = request.durationSeconds ?? DEFAULT_DURATION;
  const fps = (request.fps ?? spec.defaultFps) as VideoFps;
  const format = request.format ?? 'mp4';
  if (
    !Number.isInteger(durationSeconds) ||
    durationSeconds < spec.minSeconds ||
    durationSeconds > spec.maxSeconds
  ) {
    throw new UserError(badDuration(tier, durationSeconds, settings), 'bad-duration');
  }
  if (!spec.fps.includes(fps)) {
    throw new UserError({ key: 'animate.params.fpsTier', vars: { fps } }, 'fps-tier');
  }
  if (!spec.formats.includes(format)) {
    throw new UserError(
      { key: 'animate.params.formatTier', vars: { format: format.toUpperCase() } },
      'format-tier',
    );
  }
  const text = request.speech === undefined ? undefined : cleanPrompt(request.speech);
  if (text !== undefined && (text.length === 0 || text.length > SPEECH_MAX)) {
    throw new UserError({ key: 'animate.params.badSpeech', vars: { max: SPEECH_MAX } }, 'bad-speech');
  }
  return {
    avatarId: request.avatarId,
    avatarPrompt: request.avatarPrompt,
    durationSeconds,
    tier,
    motion: request.motion ?? 'moderate',
    fps,
    format,
    speech: text
      ? {
          text,
          voiceId: request.voiceId ?? DEFAULT_VOICE,
          ...(request.language ? { language: request.language } : {}),
        }
      : undefined,
    existingVideoId: request.existingVideoId,
  };
}

/** The exact video price from the seed's table, plus the estimated voice (charged at Percify's figure). */
export function quoteVideo(params: VideoParams): VideoQuote {
  const video = params.existingVideoId ? 0 : videoCost(params.tier, params.durationSeconds).total;
  const audio = params.speech ? estimateAudioCost(params.speech.text) : 0;
  return { video, audio, total: video + audio };
}

export function describeQuote(quote: VideoQuote, tr: Translator): string {
  const total = tr.credits(quote.total);
  if (quote.audio === 0) return total;
  if (quote.video === 0) return tr.t('animate.quote.voiceOnly', { total });
  return tr.t('animate.quote.split', { total, video: quote.video, audio: quote.audio });
}

/** Finds one of the member's finished avatars, so nobody animates someone else's. */
export async function findOwnedAvatar(ctx: BotContext, guildId: string, memberId: string, avatarId: string) {
  const id = avatarId.trim();
  const matches = await ctx.history.search(guildId, memberId, id, 25);
  const found = matches.find((suggestion) => suggestion.avatarId === id);
  if (!found) {
    throw new UserError({ key: 'animate.params.unknownAvatar' }, 'unknown-avatar');
  }
  return found;
}

/** Through launchJob: the server's rules, then the quoted hold, the job record and its progress view. */
export function startVideoJob(
  interaction: RepliableInteraction<'cached'>,
  ctx: BotContext,
  params: VideoParams,
): Promise<VideoJob> {
  const quote = quoteVideo(params);
  return launchJob<VideoJob>(interaction, ctx, {
    draft: { kind: 'video', params },
    amount: quote.total,
    usage: { kind: 'video', tier: params.tier, videoSeconds: params.durationSeconds },
    // The job's reply is public: the server's language.
    renderPending: (job) => renderVideoPending(job, {}, forChannel(ctx.i18n, job)),
  });
}
