import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import type { AvatarJob } from '../services/jobs/job-record.js';
import type { AvatarModel } from '../services/percify/pricing.js';
import { MAX_SEED } from '../percify-catalog.js';
import { openAnimatePanel } from './animate-panel.js';
import { startAvatarJob } from './avatar-job.js';
import { startOnce } from './one-click.js';
import { ownedJob } from './owned-job.js';
import type { ComponentHandlers, GuildComponentInteraction } from './types.js';

/** The buttons under an avatar result. All state comes from the job record, so they outlive restarts. */

const VARIATION_COUNT = 4;
/** The docs' advice: iterate on flux, finish on a premium model with the same seed. */
const HD_MODEL: Record<AvatarModel, AvatarModel | undefined> = {
  flux: 'imagen3',
  imagen3: 'reality4',
  reality4: undefined,
};

async function ownedAvatarJob(
  interaction: GuildComponentInteraction,
  jobId: string,
  ctx: BotContext,
): Promise<AvatarJob> {
  const job = await ownedJob(interaction, jobId, ctx);
  if (job.kind !== 'avatar') {
    throw new UserError({ key: 'avatar.buttons.jobGone' }, 'unknown-job');
  }
  return job;
}

/** The bot does not keep a member's photo, so another take from it needs the photo again. */
function refuseFromPhoto(job: AvatarJob): void {
  if (job.params.photo) {
    throw new UserError({ key: 'avatar.buttons.photoNotKept' }, 'photo-not-kept');
  }
}

function chosenImage(job: AvatarJob, index: string) {
  const image = job.images?.[Number(index)];
  if (!image) throw new UserError({ key: 'avatar.buttons.imageGone' }, 'unknown-image');
  return image;
}

export const avatarButtonHandlers: ComponentHandlers = {
  async reroll(interaction, { jobId }, ctx) {
    const job = await ownedAvatarJob(interaction, jobId, ctx);
    refuseFromPhoto(job);
    await startOnce(interaction, ctx, [interaction.customId], () =>
      startAvatarJob(interaction, ctx, { ...job.params, seed: undefined }),
    );
  },

  async variations(interaction, { jobId, image }, ctx) {
    const job = await ownedAvatarJob(interaction, jobId, ctx);
    refuseFromPhoto(job);
    const { seed } = chosenImage(job, image);
    // Neighbouring seeds: close to the chosen image, never the same one again.
    const first = Math.min(seed + 1, MAX_SEED - VARIATION_COUNT);
    await startOnce(interaction, ctx, [interaction.customId], () =>
      startAvatarJob(interaction, ctx, { ...job.params, seed: first, variations: VARIATION_COUNT }),
    );
  },

  async hd(interaction, { jobId, image }, ctx) {
    const job = await ownedAvatarJob(interaction, jobId, ctx);
    refuseFromPhoto(job);
    const { seed } = chosenImage(job, image);
    const model = HD_MODEL[job.params.model];
    if (!model) {
      throw new UserError({ key: 'avatar.buttons.alreadyHd' }, 'already-hd');
    }
    await startOnce(interaction, ctx, [interaction.customId], () =>
      startAvatarJob(interaction, ctx, { ...job.params, model, seed, variations: 1 }),
    );
  },

  async animate(interaction, { jobId, image }, ctx) {
    const job = await ownedAvatarJob(interaction, jobId, ctx);
    const { avatarId } = chosenImage(job, image);
    await openAnimatePanel(interaction, ctx, avatarId, job.params.prompt);
  },
};
