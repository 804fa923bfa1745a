import { randomInt } from 'node:crypto';
import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { AVATAR_PROMPT_MAX } from './data/avatar.js';
import { launchJob } from './launch-job.js';
import { UserError } from '../errors.js';
import { forChannel } from '../services/i18n/index.js';
import { renderAvatarPending } from '../services/delivery/avatar-replies.js';
import type { AvatarJob, AvatarParams } from '../services/jobs/job-record.js';
import { avatarCost } from '../services/percify/pricing.js';
import { MAX_SEED } from '../percify-catalog.js';

/** What a member asked for; anything unset takes the guild's default. */
export type AvatarRequest = Omit<AvatarParams, 'model' | 'seed' | 'variations' | 'aspectRatio'> &
  Partial<Pick<AvatarParams, 'model' | 'seed' | 'variations' | 'aspectRatio'>>;

type GuildRepliable = RepliableInteraction<'cached'>;

/** Zero-width and direction marks make a prompt look empty or different from what Percify reads. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

export function cleanPrompt(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').trim();
}

/** Fills the defaults and prices the request; launchJob checks the server's rules before reserving. */
export async function startAvatarJob(
  interaction: GuildRepliable,
  ctx: BotContext,
  request: AvatarRequest,
): Promise<AvatarJob> {
  const prompt = cleanPrompt(request.prompt);
  if (prompt.length === 0) throw new UserError({ key: 'avatar.job.promptEmpty' }, 'empty-prompt');
  if (prompt.length > AVATAR_PROMPT_MAX || (request.negativePrompt?.length ?? 0) > AVATAR_PROMPT_MAX) {
    throw new UserError(
      { key: 'avatar.job.promptTooLong', vars: { max: AVATAR_PROMPT_MAX } },
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

  const cost = avatarCost(params.model, params.variations);
  const queue = ctx.runner.queue;
  // Before this job joins: a rough place in line, corrected by the runner's next progress edit.
  const startsNow =
    queue.waitingCount === 0 && queue.used + Math.min(params.variations, queue.capacity) <= queue.capacity;
  return launchJob<AvatarJob>(interaction, ctx, {
    draft: { kind: 'avatar', params },
    amount: cost,
    usage: { kind: 'avatar', model: params.model, variations: params.variations },
    settings,
    // The job's reply is public: the server's language.
    renderPending: (job) =>
      renderAvatarPending(
        job,
        { position: startsNow ? undefined : queue.waitingCount + 1, balanceAfter: job.balanceAfter },
        forChannel(ctx.i18n, job),
      ),
  });
}
