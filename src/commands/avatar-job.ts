import { randomInt } from 'node:crypto';
import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { AVATAR_PROMPT_MAX } from './avatar-data.js';
import { UserError } from '../errors.js';
import { findBlockedPhrase, type GuildSettings } from '../services/credits/index.js';
import { renderAvatarPending } from '../services/delivery/avatar-replies.js';
import { credits } from '../services/delivery/style.js';
import { newJobId, type AvatarJob, type AvatarParams } from '../services/jobs/job-record.js';
import { avatarCost } from '../services/percify/pricing.js';
import { MAX_SEED } from '../services/percify/requests.js';

/** What a member asked for; anything unset takes the guild's default. */
export type AvatarRequest = Omit<AvatarParams, 'model' | 'seed' | 'variations' | 'aspectRatio'> &
  Partial<Pick<AvatarParams, 'model' | 'seed' | 'variations' | 'aspectRatio'>>;

type GuildRepliable = RepliableInteraction<'cached'>;

/** Zero-width and direction marks make a prompt look empty or different from what Percify reads. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

export function cleanPrompt(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').trim();
}

function checkGuildRules(settings: GuildSettings, channelId: string, params: AvatarParams): void {
  if (settings.channels.length > 0 && !settings.channels.includes(channelId)) {
    const where = settings.channels.map((id) => `<#${id}>`).join(', ');
    throw new UserError(`Avatars are made in ${where} on this server. Try there!`, 'channel-not-allowed');
  }
  const blocked =
    findBlockedPhrase(settings, params.prompt) ??
    (params.negativePrompt ? findBlockedPhrase(settings, params.negativePrompt) : undefined);
  if (blocked) {
    throw new UserError(
      `Your prompt contains "${blocked}", which this server does not allow. Reword it and try again; nothing was charged.`,
      'blocked-phrase',
    );
  }
  if (!settings.limits.allowedModels.includes(params.model)) {
    const allowed = settings.limits.allowedModels.join(', ');
    throw new UserError(
      `The ${params.model} model is turned off on this server. You can use: ${allowed}.`,
      'model-not-allowed',
    );
  }
  if (params.variations > settings.limits.maxVariations) {
    throw new UserError(
      `This server allows up to ${settings.limits.maxVariations} variations at a time. Ask for fewer.`,
      'too-many-variations',
    );
  }
}

/**
 * Checks, prices, reserves, records and answers — in that order, well inside Discord's 3 seconds —
 * then hands the job to the runner. Nothing is spent before every rule has passed, and a hold whose
 * answer could not be sent is released at once.
 */
export async function startAvatarJob(
  interaction: GuildRepliable,
  ctx: BotContext,
  request: AvatarRequest,
): Promise<AvatarJob> {
  const prompt = cleanPrompt(request.prompt);
  if (prompt.length === 0)
    throw new UserError('Your prompt is empty. Describe the avatar you want.', 'empty-prompt');
  if (prompt.length > AVATAR_PROMPT_MAX || (request.negativePrompt?.length ?? 0) > AVATAR_PROMPT_MAX) {
    throw new UserError(
      `Prompts can be up to ${AVATAR_PROMPT_MAX} characters. Shorten it a little.`,
      'prompt-too-long',
    );
  }
  const settings = await ctx.settings.get(interaction.guildId);
  const negativePrompt = request.negativePrompt ? cleanPrompt(request.negativePrompt) : undefined;
  const params: AvatarParams = {
    ...request,
    prompt,
    negativePrompt: negativePrompt || undefined,
    model: request.model ?? settings.defaultModel,
    aspectRatio: request.aspectRatio ?? '1:1',
    seed: request.seed ?? randomInt(0, MAX_SEED),
    variations: request.variations ?? 1,
  };
  checkGuildRules(settings, interaction.channelId ?? '', params);

  const cost = avatarCost(params.model, params.variations);
  const jobId = newJobId(ctx.now());
  await ctx.jobs.markOpen(jobId);
  const reserved = await ctx.ledger.reserve({
    jobId,
    guildId: interaction.guildId,
    memberId: interaction.user.id,
    roleIds: [...interaction.member.roles.cache.keys()],
    amount: cost,
    usage: { kind: 'avatar', model: params.model, variations: params.variations },
  });
  if (!reserved.ok) {
    await ctx.jobs.forget(jobId);
    throw new UserError(
      `💳 Not enough credits: ${params.variations > 1 ? `${params.variations} × ${params.model}` : params.model} costs ${credits(cost)}. ${reserved.error.detail} See \`/credits\`.`,
      'insufficient-credits',
    );
  }

  const now = ctx.now();
  const job: AvatarJob = {
    id: jobId,
    kind: 'avatar',
    state: 'queued',
    ownerId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId ?? '',
    interaction: {
      applicationId: interaction.applicationId,
      token: interaction.token,
      createdAt: interaction.createdTimestamp,
    },
    reservedCredits: cost,
    balanceAfter: reserved.balanceAfter,
    percifyIds: [],
    attempts: 0,
    params,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.jobs.create(job);

  const queue = ctx.runner.queue;
  const startsNow =
    queue.waitingCount === 0 && queue.used + Math.min(params.variations, queue.capacity) <= queue.capacity;
  try {
    const { embeds, components } = renderAvatarPending(job, {
      position: startsNow ? undefined : queue.waitingCount + 1,
      balanceAfter: reserved.balanceAfter,
    });
    const response = await interaction.reply({ embeds, components, withResponse: true });
    const messageId = response.resource?.message?.id;
    if (messageId) await ctx.jobs.update(jobId, (current) => ({ ...current, replyMessageId: messageId }));
  } catch (error) {
    await ctx.ledger.release(jobId, 'the first answer could not be sent');
    await ctx.jobs.update(jobId, (current) => ({
      ...current,
      state: 'failed',
      failure: { code: 'unanswered', message: 'the first answer could not be sent' },
    }));
    throw error;
  }
  ctx.runner.add(job);
  ctx.logger.info(
    { jobId, user: job.ownerId, model: params.model, variations: params.variations, cost },
    'avatar job queued',
  );
  return job;
}
