import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import type { JobRecord } from '../services/jobs/job-record.js';
import type { ComponentHandlers, GuildComponentInteraction } from './types.js';

/** The job behind a result's button, if it exists in this server and belongs to whoever clicked. */
export async function ownedJob(
  interaction: GuildComponentInteraction,
  jobId: string,
  ctx: BotContext,
): Promise<JobRecord> {
  const job = await ctx.jobs.get(jobId);
  if (!job || job.guildId !== interaction.guildId) {
    throw new UserError({ key: 'guide.jobs.unknown' }, 'unknown-job');
  }
  if (job.ownerId !== interaction.user.id) {
    throw new UserError({ key: 'guide.jobs.notOwner' }, 'not-owner');
  }
  return job;
}

/** 🗑 Delete on any result: the message goes, and so do the images or video at Percify. */
export const deleteResultHandler: ComponentHandlers = {
  async delete(interaction, { jobId }, ctx) {
    const job = await ownedJob(interaction, jobId, ctx);
    await interaction.deferUpdate();
    await interaction.deleteReply();
    await ctx.history.remove(job.guildId, job.ownerId, job.id);
    const deletions =
      job.kind === 'avatar'
        ? (job.images ?? []).map((image) => ctx.percify.deleteAvatar(image.avatarId))
        : job.video
          ? [ctx.percify.deleteVideo(job.video.videoId)]
          : [];
    const failed = (await Promise.allSettled(deletions)).filter((result) => result.status === 'rejected');
    if (failed.length > 0)
      ctx.logger.warn({ jobId, failed: failed.length }, 'some media could not be deleted at Percify');
  },
};
