import type { RepliableInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { postFirstReply } from '../interactions/first-reply.js';
import type { GuildSettings, JobUsage } from '../services/credits/index.js';
import type { ReplyBody } from '../services/delivery/reply-body.js';
import { forMember } from '../services/i18n/index.js';
import { LOG_TEXTS } from '../services/log-texts.js';
import { newJobId, type AvatarJob, type JobRecord, type VideoJob } from '../services/jobs/job-record.js';
import { cannotAfford } from './affordable-offer.js';
import { enforceJobPolicy, type CompleteJobRequest } from './job-policy.js';

type GuildRepliable = RepliableInteraction<'cached'>;

/** The kind-specific part of a new job: what it is, and what it costs. */
export type JobDraft<J extends JobRecord> = Pick<J, 'kind' | 'params'>;

export interface LaunchOptions<J extends JobRecord> {
  draft: JobDraft<J>;
  amount: number;
  usage: JobUsage;
  renderPending: (job: J) => ReplyBody;
  /**
   * The server's rules as the caller read them to fill in the request's defaults: checked as they
   * are. The hold reads them again inside its transaction, which is what the credits obey.
   */
  settings?: GuildSettings;
}

/**
 * Checks the server's rules (the one policy gate, so no path can start a job around it), then holds
 * the credits and records the job in one transaction (one commit before the answer, which does not
 * wait for its fsync; a crash leaves both or neither), answers well inside Discord's 3 seconds, and
 * hands the job to the runner. A hold whose first answer could not be sent is released at once.
 */
export async function launchJob<J extends JobRecord>(
  interaction: GuildRepliable,
  ctx: BotContext,
  options: LaunchOptions<J>,
): Promise<J> {
  // The draft's kind and params belong together (J's), which is what a complete request is.
  const request = options.draft as CompleteJobRequest;
  const settings = await enforceJobPolicy(interaction, ctx, request, options.settings);
  const jobId = newJobId(ctx.now());
  const roleIds = [...interaction.member.roles.cache.keys()];
  const now = ctx.now();
  const recordWith = (balanceAfter: number): JobRecord => ({
    ...(options.draft as Pick<AvatarJob, 'kind' | 'params'> | Pick<VideoJob, 'kind' | 'params'>),
    id: jobId,
    state: 'queued',
    ownerId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId ?? '',
    locale: interaction.locale,
    guildLocale: interaction.guildLocale ?? undefined,
    interaction: {
      applicationId: interaction.applicationId,
      token: interaction.token,
      createdAt: interaction.createdTimestamp,
    },
    reservedCredits: options.amount,
    balanceAfter,
    percifyIds: [],
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
  const reserved = await ctx.ledger.reserve({
    jobId,
    guildId: interaction.guildId,
    memberId: interaction.user.id,
    roleIds,
    amount: options.amount,
    usage: options.usage,
    alongside: ctx.jobs.creation(jobId, recordWith),
    // The answer need not wait for the disk: nothing is spent until the runner's `submitting`
    // write, which is on disk (and so is this one) before Percify is called.
    durability: 'committed',
  });
  if (!reserved.ok) {
    const { limitedBy, detail } = reserved.error;
    if (limitedBy !== 'allowance' && limitedBy !== 'budget') {
      const reason = forMember(ctx.i18n, interaction).render(detail);
      throw new UserError(
        { key: 'quota.limits.nothingCharged', vars: { detail: reason } },
        `limit-${limitedBy}`,
      );
    }
    const balance = await ctx.ledger.balance(interaction.guildId, interaction.user.id, roleIds);
    throw new UserError(cannotAfford(settings, request, options.amount, balance), 'insufficient-credits');
  }
  // The draft's kind is J's kind, so the record is a J; TypeScript cannot follow that through a spread.
  const job = recordWith(reserved.balanceAfter) as J;
  try {
    // A job's reply is Components V2 from its first answer: Discord keeps the flag for good, so the
    // progress edits and the result that follow can all be V2 as well.
    const messageId = await postFirstReply(interaction, options.renderPending(job));
    if (messageId) await ctx.jobs.update(jobId, (current) => ({ ...current, replyMessageId: messageId }));
  } catch (error) {
    await ctx.ledger.release(jobId, LOG_TEXTS.unanswered);
    await ctx.jobs.update(jobId, (current) => ({
      ...current,
      state: 'failed',
      failure: { code: 'unanswered', message: LOG_TEXTS.unanswered },
    }));
    throw error;
  }
  ctx.runner.add(job);
  ctx.ops.telemetry.queued(job);
  return job;
}
