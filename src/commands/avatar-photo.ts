import { randomInt } from 'node:crypto';
import type { Attachment, RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { forChannel, forMember, type Translator } from '../services/i18n/index.js';
import { renderPhotoAvatarPending } from '../services/delivery/photo-avatar-replies.js';
import type { AvatarJob, AvatarParams } from '../services/jobs/job-record.js';
import {
  checkDeclaredPhoto,
  checkPhotoBytes,
  PHOTO_LIMITS,
  PhotoRefusal,
  photoRules,
} from '../services/member-files/photo-check.js';
import { PERCIFY_YOURSELF_CREDITS } from '../services/percify/pricing.js';
import { MAX_SEED, type StylePreset } from '../percify-catalog.js';
import { cleanPrompt } from './avatar-job.js';
import { AVATAR_PROMPT_MAX } from './data/avatar.js';
import { enforceJobPolicy } from './job-policy.js';
import { hasConsented, askPhotoConsent } from './likeness-consent.js';
import { launchJob } from './launch-job.js';

type GuildRepliable = RepliableInteraction<'cached'>;

export interface PhotoAvatarRequest {
  photo: Attachment;
  prompt?: string | undefined;
  style?: StylePreset | undefined;
}

/**
 * `/avatar photo:` — Percify Yourself. Everything that can refuse the photo is checked before a
 * credit is held: the server's rules, what Discord says of the file, then the bytes themselves.
 * The first time, the member confirms the consent line before anything else happens.
 */
export async function requestPhotoAvatar(
  interaction: GuildRepliable,
  ctx: BotContext,
  request: PhotoAvatarRequest,
): Promise<void> {
  const prompt = cleanPrompt(request.prompt ?? '');
  if (prompt.length > AVATAR_PROMPT_MAX) {
    throw new UserError(
      { key: 'avatar.job.promptTooLong', vars: { max: AVATAR_PROMPT_MAX } },
      'prompt-too-long',
    );
  }
  const settings = await ctx.settings.get(interaction.guildId);
  const params: AvatarParams = {
    prompt,
    style: request.style,
    photo: { fileName: request.photo.name, url: request.photo.url },
    // Only the shape of an avatar job: Percify Yourself has no model, seed or size to choose.
    model: settings.defaultModel,
    aspectRatio: '1:1',
    seed: randomInt(0, MAX_SEED),
    variations: 1,
  };
  await enforceJobPolicy(interaction, ctx, { kind: 'avatar', params });
  // Refusals are the member's own (ephemeral) answer: their language.
  const tr = forMember(ctx.i18n, interaction);
  refusePhoto(() => checkDeclaredPhoto(request.photo), tr);
  // A photo that cannot be used is said before the member is asked anything.
  await checkPhotoFile(ctx, params, tr);
  if (!(await hasConsented(ctx, interaction.user.id))) {
    await askPhotoConsent(interaction, ctx, params);
    return;
  }
  await startPhotoAvatarJob(interaction, ctx, params, true);
}

/** Reads the photo to check it; the bytes are dropped (the job reads it again when it is sent). */
async function checkPhotoFile(ctx: BotContext, params: AvatarParams, tr: Translator): Promise<void> {
  const photo = params.photo;
  if (!photo?.url) throw new UserError({ key: 'avatar.photo.missing' }, 'photo-missing');
  let bytes: Buffer;
  try {
    bytes = await ctx.memberFiles.fetch({ url: photo.url, name: photo.fileName }, PHOTO_LIMITS.maxBytes);
  } catch (error) {
    ctx.logger.warn({ err: error }, 'could not read a member photo');
    throw new UserError(
      { key: 'avatar.photo.unreadable', vars: { rules: photoRules(tr) } },
      'photo-unreadable',
    );
  }
  refusePhoto(() => checkPhotoBytes(bytes), tr);
}

/** Starts the job as any avatar, once the photo has passed its checks (again: it may have changed). */
export async function startPhotoAvatarJob(
  interaction: GuildRepliable,
  ctx: BotContext,
  params: AvatarParams,
  checked = false,
): Promise<AvatarJob> {
  if (!checked) await checkPhotoFile(ctx, params, forMember(ctx.i18n, interaction));
  return launchJob<AvatarJob>(interaction, ctx, {
    draft: { kind: 'avatar', params },
    amount: PERCIFY_YOURSELF_CREDITS,
    usage: { kind: 'avatar', feature: 'photo-avatar', variations: 1 },
    // The job's reply is public: the server's language.
    renderPending: (job) =>
      renderPhotoAvatarPending(job, { balanceAfter: job.balanceAfter }, forChannel(ctx.i18n, job)),
  });
}

function refusePhoto(check: () => unknown, tr: Translator): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof PhotoRefusal)) throw error;
    throw new UserError(
      { key: 'avatar.photo.refused', vars: { problem: tr.render(error.text), rules: photoRules(tr) } },
      'photo-' + error.reason,
    );
  }
}
