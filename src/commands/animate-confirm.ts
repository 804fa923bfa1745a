import { randomBytes } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { ShortLivedRecords } from '../services/short-lived-records.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import { COLOURS, articleFor } from '../services/delivery/style.js';
import { motionName } from '../services/delivery/video-replies.js';
import { forMember, type Translator } from '../services/i18n/index.js';
import type { GuildSettings } from '../services/credits/index.js';
import type { VideoParams } from '../services/jobs/job-record.js';
import { TIER_SPECS } from '../services/percify/pricing.js';
import { checkAffordable } from './affordable-offer.js';
import { describeQuote, quoteVideo, startVideoJob } from './animate-job.js';
import { enforceJobPolicy } from './job-policy.js';
import { startOnce } from './one-click.js';
import type { ComponentHandlers, GuildCommandInteraction, GuildComponentInteraction } from './types.js';

/** Expensive videos wait for the member's OK; the offer lapses after a minute. */
export const CONFIRM_LIFETIME_MS = ShortLivedRecords.lifetimeMs('pendingVideo');

interface PendingVideo {
  ownerId: string;
  guildId: string;
  params: VideoParams;
  createdAt: number;
}

function confirmButtons(
  id: string,
  disabled: boolean,
  tr: Translator,
): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          custom_id: encodeCustomId('confirm', id),
          label: tr.t('animate.confirm.confirmButton'),
          style: ButtonStyle.Success,
          disabled,
        },
        {
          type: ComponentType.Button,
          custom_id: encodeCustomId('cancel', id),
          label: tr.t('animate.confirm.cancelButton'),
          style: ButtonStyle.Secondary,
          disabled,
        },
      ],
    },
  ];
}

function describeVideo(params: VideoParams, tr: Translator): string {
  const vars = {
    length: tr.seconds(params.durationSeconds),
    // Percify's product name ("Basic", "Reality Lab"): the same in every language.
    tier: TIER_SPECS[params.tier].label,
    motion: motionName(params.motion, tr),
    fps: params.fps,
    format: params.format,
  };
  // English reads "an 8 s video"; the other languages write both keys alike.
  const video = tr.t(
    articleFor(params.durationSeconds) === 'an' ? 'animate.confirm.videoAn' : 'animate.confirm.videoA',
    vars,
  );
  return params.speech
    ? tr.t('animate.confirm.withLine', { video, line: params.speech.text.slice(0, 100) })
    : video;
}

/**
 * Shows the price privately with Confirm / Cancel; nothing is reserved until Confirm. Only an offer the
 * member can take is shown: otherwise they get the price, what they have and what would fit.
 */
export async function askToConfirm(
  interaction: GuildCommandInteraction,
  ctx: BotContext,
  settings: GuildSettings,
  params: VideoParams,
) {
  const quote = quoteVideo(params);
  const affordable = await checkAffordable(
    interaction,
    ctx,
    settings,
    { kind: 'video', params },
    quote.total,
  );
  if (!affordable.ok) {
    await interaction.reply({ content: affordable.message, flags: MessageFlags.Ephemeral });
    return;
  }
  const { balance } = affordable;
  const id = randomBytes(6).toString('hex');
  const pending: PendingVideo = {
    ownerId: interaction.user.id,
    guildId: interaction.guildId,
    params,
    createdAt: ctx.now(),
  };
  await ctx.shortLived.put('pendingVideo', id, pending);
  // Only the member sees the offer: their language.
  const tr = forMember(ctx.i18n, interaction);
  const offer = (footer: string): APIEmbed => ({
    color: COLOURS.brand,
    title: tr.t('animate.confirm.title'),
    description: tr.t('animate.confirm.body', {
      video: describeVideo(params, tr),
      price: describeQuote(quote, tr),
      left: tr.credits(Math.max(0, balance.spendable - quote.total)),
    }),
    footer: { text: footer },
  });
  await interaction.reply({
    flags: MessageFlags.Ephemeral,
    embeds: [offer(tr.t('animate.confirm.lapses'))],
    components: confirmButtons(id, false, tr),
  });
  // When the minute is up an offer nobody took says it has expired, greyed out (a restart skips
  // this; a click then says it has expired). A taken offer is left as its click left it.
  setTimeout(() => {
    void ctx.shortLived
      .get<PendingVideo>('pendingVideo', id)
      .then(async (found) => {
        if (found.state === 'missing') return;
        await interaction.editReply({
          embeds: [offer(tr.t('animate.confirm.expiredFooter'))],
          components: confirmButtons(id, true, tr),
        });
      })
      .catch((error: unknown) => ctx.logger.debug({ err: error }, 'could not mark an offer expired'));
  }, CONFIRM_LIFETIME_MS).unref();
}

const offerGone = () => new UserError({ key: 'animate.confirm.gone' }, 'pending-gone');

/** Takes the offer, once; `check` may refuse first, and then the offer stays as it was. */
async function takePending(
  interaction: GuildComponentInteraction,
  id: string,
  ctx: BotContext,
  check: (pending: PendingVideo) => Promise<void> = async () => undefined,
): Promise<PendingVideo> {
  const found = await ctx.shortLived.get<PendingVideo>('pendingVideo', id);
  if (found.state === 'expired') {
    throw new UserError({ key: 'animate.confirm.expired' }, 'pending-expired');
  }
  if (found.state === 'missing' || found.record.guildId !== interaction.guildId) throw offerGone();
  if (found.record.ownerId !== interaction.user.id) {
    throw new UserError({ key: 'animate.confirm.notOwner' }, 'not-owner');
  }
  await check(found.record);
  // Of two clicks at the same moment, only the one that deletes the offer goes on.
  if (!(await ctx.shortLived.delete('pendingVideo', id))) throw offerGone();
  return found.record;
}

/**
 * The rules and the balance may have changed during the minute: the offer is only taken when it
 * can still be paid and is still allowed, so a refusal leaves it open for a second try.
 */
async function stillTakeable(interaction: GuildComponentInteraction, ctx: BotContext, pending: PendingVideo) {
  const request = { kind: 'video', params: pending.params } as const;
  const settings = await enforceJobPolicy(interaction, ctx, request);
  const affordable = await checkAffordable(
    interaction,
    ctx,
    settings,
    request,
    quoteVideo(pending.params).total,
  );
  if (!affordable.ok) throw new UserError(affordable.message, 'insufficient-credits');
}

export const confirmHandlers: ComponentHandlers = {
  async confirm(interaction, { pendingId: id }, ctx) {
    await startOnce(interaction, ctx, 'all', async () => {
      const pending = await takePending(interaction, id, ctx, (offered) =>
        stillTakeable(interaction, ctx, offered),
      );
      return startVideoJob(interaction, ctx, pending.params);
    });
  },
  async cancel(interaction, { pendingId: id }, ctx) {
    await takePending(interaction, id, ctx);
    const tr = forMember(ctx.i18n, interaction);
    await interaction.update({
      embeds: [
        {
          color: COLOURS.neutral,
          title: tr.t('animate.confirm.cancelledTitle'),
          description: tr.t('animate.confirm.cancelledBody'),
        },
      ],
      components: [],
    });
  },
};
