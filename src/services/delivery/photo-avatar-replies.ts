import type { APIEmbed } from 'discord.js';
import { avatarFileName, avatarResultButtons } from './avatar-replies.js';
import type { ReplyBody } from './reply-body.js';
import { COLOURS, credits, quote } from './style.js';
import type { AvatarView } from './views.js';

/**
 * The messages of an avatar made from the member's photo (Percify Yourself): the same result and
 * buttons as any avatar, without the model and seed a photo avatar does not have. The member's photo
 * is never shown again: only what Percify made from it.
 */

function description(job: AvatarView, status?: string): string {
  const prompt = job.params.prompt ? quote(job.params.prompt) : '📸 From your photo';
  return status ? `${prompt}\n\n${status}` : prompt;
}

function styleFields(job: AvatarView): NonNullable<APIEmbed['fields']> {
  return job.params.style ? [{ name: 'Style', value: job.params.style, inline: true }] : [];
}

export function renderPhotoAvatarPending(
  job: AvatarView,
  view: { position?: number | undefined; balanceAfter?: number | undefined },
): ReplyBody {
  const status =
    view.position !== undefined
      ? `⏳ Waiting for a free slot: **#${view.position}** in line`
      : job.state === 'queued'
        ? '⏳ Starting…'
        : '📸 Turning your photo into an avatar… usually about 10 seconds';
  const cost = `${credits(job.reservedCredits)}${view.balanceAfter !== undefined ? ` · ${credits(view.balanceAfter)} left after this` : ''}`;
  return {
    embeds: [
      {
        color: COLOURS.working,
        title: '📸 Creating your photo avatar',
        description: description(job, status),
        fields: [...styleFields(job), { name: 'Cost', value: cost }],
        footer: { text: `Job ${job.id}` },
      },
    ],
    components: [],
  };
}

export function renderPhotoAvatarResult(job: AvatarView): ReplyBody {
  const images = job.images ?? [];
  const charged = job.chargedCredits ?? images.reduce((sum, image) => sum + image.creditCost, 0);
  return {
    embeds: [
      {
        color: COLOURS.success,
        title: '✅ Your photo avatar',
        description: description(job),
        fields: [...styleFields(job), { name: 'Charged', value: credits(charged), inline: true }],
        image: { url: `attachment://${avatarFileName(0)}` },
        footer: { text: `Job ${job.id} · ${images.map((image) => image.avatarId).join(', ')}` },
      },
    ],
    components: avatarResultButtons(job),
  };
}

export function renderPhotoAvatarFailure(job: AvatarView, reason: string): ReplyBody {
  return {
    embeds: [
      {
        color: COLOURS.failure,
        title: '❌ Could not create your photo avatar',
        description: `${reason}\n\n**Nothing was charged**: the ${credits(job.reservedCredits)} held for this are back in your balance.`,
        footer: { text: `Job ${job.id}` },
      },
    ],
    components: [],
  };
}
