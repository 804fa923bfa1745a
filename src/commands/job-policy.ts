import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { findBlockedPhrase, type GuildSettings } from '../services/credits/index.js';
import type { AvatarParams, VideoParams } from '../services/jobs/job-record.js';
import type { MessageKey } from '../services/i18n/index.js';
import { TIER_SPECS } from '../services/percify/pricing.js';

/** The refusal of a blocked phrase, naming the text it was found in. */
type BlockedKey = Extract<MessageKey, `guide.policy.blocked.${string}`>;

/**
 * The one gate of a server's rules for everything that can start or extend a job: each command, each
 * button, modal, panel and confirm. launchJob passes every job through it, so no path can skip it;
 * the steps before a job (opening the Animate panel or the voice form, offering a confirm) call it
 * too, so a member is refused before being asked to choose anything.
 *
 * Member limits that depend on what runs right now (jobs at once, money) are checked again,
 * atomically, when the ledger reserves the credits.
 */
export type JobRequest =
  | { kind: 'avatar'; params?: AvatarParams | undefined }
  | { kind: 'video'; params?: VideoParams | undefined }
  /** A voice clone: not a job of the runner, but paid for and ruled like one. */
  | { kind: 'voice'; name?: string | undefined };

/** A request with everything chosen, as a job is made from it. */
export type CompleteJobRequest =
  { kind: 'avatar'; params: AvatarParams } | { kind: 'video'; params: VideoParams };

/** "Avatars are made in #studio", by what the request makes. */
const MADE_IN: Record<JobRequest['kind'], MessageKey> = {
  avatar: 'guide.policy.channel.avatar',
  video: 'guide.policy.channel.video',
  voice: 'guide.policy.channel.voice',
};

/** Throws a UserError naming the first rule the request breaks; the order is what a member fixes first. */
export function checkJobPolicy(settings: GuildSettings, channelId: string | null, request: JobRequest): void {
  // A feature the server turned off is said first: no other rule would make it work.
  if (request.kind === 'avatar' && request.params?.photo) checkFeature(settings, 'photoAvatars');
  if (request.kind === 'voice') checkFeature(settings, 'voiceCloning');
  checkChannel(settings, channelId, MADE_IN[request.kind]);
  if (request.kind === 'avatar') {
    if (request.params) checkAvatar(settings, request.params);
  } else if (request.kind === 'voice') {
    checkText(settings, [['guide.policy.blocked.voiceName', request.name]]);
  } else if (request.params) {
    checkVideo(settings, request.params);
  }
}

/**
 * Reads the server's rules (unless the caller read them for this same request a moment ago) and
 * applies them to what the member asked for; resolves to those rules.
 */
export async function enforceJobPolicy(
  interaction: RepliableInteraction<'cached'>,
  ctx: BotContext,
  request: JobRequest,
  readAlready?: GuildSettings,
): Promise<GuildSettings> {
  const settings = readAlready ?? (await ctx.settings.get(interaction.guildId));
  checkJobPolicy(settings, interaction.channelId, request);
  const voiceId = request.kind === 'video' ? request.params?.speech?.voiceId : undefined;
  // A cloned voice speaks only for the member who cloned it, whatever id a request carries.
  if (voiceId !== undefined && !(await ctx.voices.usableBy(interaction.user.id, voiceId))) {
    throw new UserError({ key: 'guide.policy.voiceNotYours' }, 'voice-not-yours');
  }
  return settings;
}

function checkChannel(settings: GuildSettings, channelId: string | null, madeIn: MessageKey): void {
  if (settings.channels.length === 0 || (channelId && settings.channels.includes(channelId))) return;
  const where = settings.channels.map((id) => `<#${id}>`).join(', ');
  throw new UserError({ key: madeIn, vars: { where } }, 'channel-not-allowed');
}

/** Every piece of member text, each with the refusal that names it the way the member knows it. */
function checkText(settings: GuildSettings, texts: ReadonlyArray<[BlockedKey, string | undefined]>): void {
  for (const [refusal, text] of texts) {
    const blocked = text ? findBlockedPhrase(settings, text) : undefined;
    if (blocked) throw new UserError({ key: refusal, vars: { phrase: blocked } }, 'blocked-phrase');
  }
}

function checkAvatar(settings: GuildSettings, params: AvatarParams): void {
  checkText(settings, [
    ['guide.policy.blocked.prompt', params.prompt],
    ['guide.policy.blocked.negativePrompt', params.negativePrompt],
  ]);
  // Percify picks the model of a photo avatar; the server's model list is about prompts.
  if (params.photo) return;
  const { limits } = settings;
  if (!limits.allowedModels.includes(params.model)) {
    throw new UserError(
      {
        key: 'guide.policy.modelOff',
        vars: { model: params.model, allowed: limits.allowedModels.join(', ') },
      },
      'model-not-allowed',
    );
  }
  if (params.variations > limits.maxVariations) {
    throw new UserError(
      { key: 'guide.policy.tooManyVariations', vars: { count: limits.maxVariations } },
      'too-many-variations',
    );
  }
}

const FEATURE_OFF: Record<keyof GuildSettings['features'], MessageKey> = {
  photoAvatars: 'guide.policy.featureOff.photoAvatars',
  voiceCloning: 'guide.policy.featureOff.voiceCloning',
};

/** Features that use a member's likeness are each the server's choice (/quota features). */
export function checkFeature(settings: GuildSettings, feature: keyof GuildSettings['features']): void {
  if (!settings.features[feature]) throw new UserError({ key: FEATURE_OFF[feature] }, 'feature-off');
}

function checkVideo(settings: GuildSettings, params: VideoParams): void {
  // The avatar's prompt is checked again: the list may have grown since the image was made.
  checkText(settings, [
    ['guide.policy.blocked.spokenLine', params.speech?.text],
    ['guide.policy.blocked.avatarPrompt', params.avatarPrompt],
  ]);
  const { limits } = settings;
  if (!limits.allowedTiers.includes(params.tier)) {
    throw new UserError(
      {
        key: 'guide.policy.tierOff',
        vars: { tier: TIER_SPECS[params.tier].label, example: limits.allowedTiers[0] ?? '' },
      },
      'tier-not-allowed',
    );
  }
  if (params.durationSeconds > limits.maxVideoSeconds) {
    throw new UserError(
      { key: 'guide.policy.durationLimit', vars: { seconds: limits.maxVideoSeconds } },
      'duration-limit',
    );
  }
}
