import { MessageFlags } from 'discord.js';
import type { GuildSettings } from '../services/credits/index.js';
import { renderFeatures } from '../services/delivery/feature-replies.js';
import { forMember } from '../services/i18n/index.js';
import { auditReason } from './quota-access.js';
import type { QuotaHandler } from './quota-types.js';

/** `/quota features`: photo avatars and voice cloning, on or off for this server. */
export const features: QuotaHandler<'features'> = async (interaction, options, ctx) => {
  const { photo_avatars: photoAvatars, voice_cloning: voiceCloning } = options;
  // An ephemeral admin reply: the admin's own language.
  const tr = forMember(ctx.i18n, interaction);
  if (photoAvatars === undefined && voiceCloning === undefined) {
    const settings = await ctx.settings.get(interaction.guildId);
    await interaction.reply({
      embeds: [renderFeatures(settings.features, tr)],
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  let before: GuildSettings['features'] | undefined;
  const settings = await ctx.settings.update(
    interaction.guildId,
    interaction.user.id,
    (current) => {
      before = { ...current.features };
      return {
        ...current,
        features: {
          photoAvatars: photoAvatars ?? current.features.photoAvatars,
          voiceCloning: voiceCloning ?? current.features.voiceCloning,
        },
      };
    },
    auditReason('features'),
  );
  await interaction.reply({
    embeds: [renderFeatures(settings.features, tr, before ?? settings.features)],
    flags: MessageFlags.Ephemeral,
  });
};
