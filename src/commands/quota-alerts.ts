import { MessageFlags } from 'discord.js';
import { COLOURS } from '../services/delivery/style.js';
import { forMember } from '../services/i18n/index.js';
import type { QuotaHandler, QuotaHandlers } from './quota-types.js';

/**
 * `/quota alerts channel:`: where the bot warns this server's admins; no channel turns alerts off.
 * The alerts are posted for the whole channel, so they follow the server's language: its
 * `guild_locale` is recorded with the channel (English when Discord sends none).
 */

const alerts: QuotaHandler<'alerts'> = async (interaction, { channel }, ctx) => {
  await ctx.ops.alertChannels.setChannel(
    interaction.guildId,
    channel?.id,
    interaction.guildLocale ?? undefined,
  );
  ctx.logger.info(
    { guildId: interaction.guildId, adminId: interaction.user.id, channelId: channel?.id ?? null },
    'alert channel changed',
  );
  // The confirmation is the admin's own ephemeral reply: their language.
  const tr = forMember(ctx.i18n, interaction);
  await interaction.reply({
    embeds: [
      {
        title: tr.t(channel ? 'quota.alertsChannel.onTitle' : 'quota.alertsChannel.offTitle'),
        description: channel
          ? tr.t('quota.alertsChannel.on', { channel: channel.id })
          : tr.t('quota.alertsChannel.off'),
        color: channel ? COLOURS.success : COLOURS.neutral,
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

export const ALERT_HANDLERS = { alerts } satisfies Partial<QuotaHandlers>;
