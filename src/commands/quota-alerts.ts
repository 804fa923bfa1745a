import { MessageFlags } from 'discord.js';
import { COLOURS } from '../services/delivery/style.js';
import type { QuotaHandler, QuotaHandlers } from './quota-types.js';

/** `/quota alerts channel:`: where the bot warns this server's admins; no channel turns alerts off. */

const alerts: QuotaHandler<'alerts'> = async (interaction, { channel }, ctx) => {
  await ctx.ops.alertChannels.setChannel(interaction.guildId, channel?.id);
  ctx.logger.info(
    { guildId: interaction.guildId, adminId: interaction.user.id, channelId: channel?.id ?? null },
    'alert channel changed',
  );
  await interaction.reply({
    embeds: [
      {
        title: channel ? '🔔 Alerts on' : '🔕 Alerts off',
        description: channel
          ? `I'll post in <#${channel.id}> when Percify runs low on credits or can't be reached, ` +
            "when this server's budget is nearly spent, and when my books and Percify's differ."
          : 'I will not post alerts any more. Choose a channel again to turn them back on.',
        color: channel ? COLOURS.success : COLOURS.neutral,
      },
    ],
    flags: MessageFlags.Ephemeral,
  });
};

export const ALERT_HANDLERS = { alerts } satisfies Partial<QuotaHandlers>;
