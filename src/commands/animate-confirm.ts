import { randomBytes } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { ShortLivedRecords } from '../services/short-lived-records.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import { COLOURS, articleFor } from '../services/delivery/style.js';
import type { VideoParams } from '../services/jobs/job-record.js';
import { describeQuote, quoteVideo, startVideoJob } from './animate-job.js';
import type { ComponentHandlers, GuildCommandInteraction, GuildComponentInteraction } from './types.js';

/** Expensive videos wait for the member's OK; the offer lapses after a minute. */
export const CONFIRM_LIFETIME_MS = ShortLivedRecords.lifetimeMs('pendingVideo');

interface PendingVideo {
  ownerId: string;
  guildId: string;
  params: VideoParams;
  createdAt: number;
}

function confirmButtons(id: string, disabled: boolean): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          custom_id: encodeCustomId('confirm', id),
          label: '✅ Confirm',
          style: ButtonStyle.Success,
          disabled,
        },
        {
          type: ComponentType.Button,
          custom_id: encodeCustomId('cancel', id),
          label: 'Cancel',
          style: ButtonStyle.Secondary,
          disabled,
        },
      ],
    },
  ];
}

function describeVideo(params: VideoParams): string {
  const voice = params.speech ? ` with the line “${params.speech.text.slice(0, 100)}”` : '';
  return `${articleFor(params.durationSeconds)} ${params.durationSeconds} s ${params.tier} video (${params.motion} motion, ${params.fps} fps, ${params.format})${voice}`;
}

/** Shows the price privately with Confirm / Cancel; nothing is reserved until Confirm. */
export async function askToConfirm(
  interaction: GuildCommandInteraction,
  ctx: BotContext,
  params: VideoParams,
) {
  const id = randomBytes(6).toString('hex');
  const pending: PendingVideo = {
    ownerId: interaction.user.id,
    guildId: interaction.guildId,
    params,
    createdAt: ctx.now(),
  };
  await ctx.shortLived.put('pendingVideo', id, pending);
  const balance = await ctx.ledger.balance(interaction.guildId, interaction.user.id, [
    ...interaction.member.roles.cache.keys(),
  ]);
  const quote = quoteVideo(params);
  await interaction.reply({
    flags: MessageFlags.Ephemeral,
    embeds: [
      {
        color: COLOURS.brand,
        title: '🎬 Confirm this video?',
        description: `This is ${describeVideo(params)}.\nIt costs **${describeQuote(quote)}**; you would have ${Math.max(0, balance.spendable - quote.total)} credits left.`,
        footer: { text: 'This offer lapses in a minute.' },
      },
    ],
    components: confirmButtons(id, false),
  });
  // Greys the buttons out when the minute is up (a restart skips this; the click then says it lapsed).
  setTimeout(() => {
    void interaction.editReply({ components: confirmButtons(id, true) }).catch(() => undefined);
  }, CONFIRM_LIFETIME_MS).unref();
}

const offerGone = () =>
  new UserError(
    'This offer is no longer open (offers lapse after a minute). Run `/animate` again.',
    'pending-gone',
  );

async function takePending(
  interaction: GuildComponentInteraction,
  id: string,
  ctx: BotContext,
): Promise<PendingVideo> {
  const found = await ctx.shortLived.get<PendingVideo>('pendingVideo', id);
  if (found.state === 'expired') {
    throw new UserError(
      'This offer lapsed after a minute. Run `/animate` again to see the price.',
      'pending-expired',
    );
  }
  if (found.state === 'missing' || found.record.guildId !== interaction.guildId) throw offerGone();
  if (found.record.ownerId !== interaction.user.id) {
    throw new UserError('Only the member who asked for this video can confirm it.', 'not-owner');
  }
  // Of two clicks at the same moment, only the one that deletes the offer goes on.
  if (!(await ctx.shortLived.delete('pendingVideo', id))) throw offerGone();
  return found.record;
}

export const confirmHandlers: ComponentHandlers = {
  async confirm(interaction, { pendingId: id }, ctx) {
    const pending = await takePending(interaction, id, ctx);
    await startVideoJob(interaction, ctx, pending.params);
  },
  async cancel(interaction, { pendingId: id }, ctx) {
    await takePending(interaction, id, ctx);
    await interaction.update({
      embeds: [
        { color: COLOURS.neutral, title: 'Cancelled', description: 'Nothing was reserved or charged.' },
      ],
      components: [],
    });
  },
};
