import { COLOURS } from '../services/delivery/style.js';
import { forMember } from '../services/i18n/index.js';
import { startPhotoAvatarJob } from './avatar-photo.js';
import { recordConsent, takePendingLikeness } from './likeness-consent.js';
import { startOnce } from './one-click.js';
import type { ComponentHandlers } from './types.js';
import { runVoiceClone } from './voice-clone.js';

/** The answers to a photo avatar's consent line and to a voice clone's confirmation. */
export const likenessHandlers: ComponentHandlers = {
  async likeness(interaction, { pendingId, answer }, ctx) {
    if (answer !== 'yes') {
      await takePendingLikeness(interaction, ctx, pendingId);
      // The question was the member's own (ephemeral): so is the answer.
      const tr = forMember(ctx.i18n, interaction);
      await interaction.update({
        embeds: [
          {
            color: COLOURS.neutral,
            title: tr.t('avatar.likeness.cancelled'),
            description: tr.t('avatar.likeness.cancelledBody'),
          },
        ],
        components: [],
      });
      return;
    }
    const pending = await takePendingLikeness(interaction, ctx, pendingId);
    if (pending.kind === 'voice') {
      await runVoiceClone(interaction, ctx, pending.clone);
      return;
    }
    await recordConsent(ctx, interaction.user.id);
    await startOnce(interaction, ctx, 'all', () => startPhotoAvatarJob(interaction, ctx, pending.params));
  },
};
