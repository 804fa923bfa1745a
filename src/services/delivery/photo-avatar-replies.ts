import { avatarGallery, avatarResultButtons, avatarStatus, type PendingView } from './avatar-replies.js';
import type { ReplyBody } from './reply-body.js';
import { COLOURS, clip, credits, quote } from './style.js';
import { card, subtext, textDisplay, thinSeparator, v2Reply } from './v2-layout.js';
import type { AvatarView } from './views.js';

/**
 * The messages of an avatar made from the member's photo (Percify Yourself): the same Components V2
 * card and buttons as any avatar, without the model and seed a photo avatar does not have. The
 * member's photo is never shown again: only what Percify made from it.
 */

function intro(heading: string, job: AvatarView): string {
  const prompt = job.params.prompt ? quote(job.params.prompt) : '📸 From your photo';
  return `### ${heading}\n${prompt}`;
}

function styleLine(job: AvatarView): string {
  return job.params.style ? `**Style** ${clip(job.params.style, 100)}\n` : '';
}

export function renderPhotoAvatarPending(job: AvatarView, view: PendingView): ReplyBody {
  const status = avatarStatus(job, view, '📸 Turning your photo into an avatar… usually about 10 seconds');
  const left = view.balanceAfter !== undefined ? ` · ${credits(view.balanceAfter)} left after this` : '';
  return v2Reply(
    card(COLOURS.working).addTextDisplayComponents(
      textDisplay(intro('📸 Creating your photo avatar', job)),
      textDisplay(status),
      textDisplay(`${styleLine(job)}**Cost** ${credits(job.reservedCredits)}${left}`),
      textDisplay(subtext(`Job ${job.id}`)),
    ),
  );
}

export function renderPhotoAvatarResult(job: AvatarView): ReplyBody {
  const images = job.images ?? [];
  const charged = job.chargedCredits ?? images.reduce((sum, image) => sum + image.creditCost, 0);
  const container = card(COLOURS.success).addTextDisplayComponents(
    textDisplay(intro('✅ Your photo avatar', job)),
  );
  if (images.length > 0) {
    container.addMediaGalleryComponents(avatarGallery(images.length, () => 'Avatar made from your photo'));
  }
  container.addTextDisplayComponents(textDisplay(`${styleLine(job)}**Charged** ${credits(charged)}`));
  const rows = avatarResultButtons(job);
  if (rows.length > 0) container.addSeparatorComponents(thinSeparator()).addActionRowComponents(rows);
  container.addTextDisplayComponents(
    textDisplay(subtext(`Job ${job.id} · ${images.map((image) => image.avatarId).join(', ')}`)),
  );
  return v2Reply(container);
}

export function renderPhotoAvatarFailure(job: AvatarView, reason: string): ReplyBody {
  return v2Reply(
    card(COLOURS.failure).addTextDisplayComponents(
      textDisplay(intro('❌ Could not create your photo avatar', job)),
      textDisplay(
        `${reason}\n\n**Nothing was charged**: the ${credits(job.reservedCredits)} held for this are back in your balance.`,
      ),
      textDisplay(subtext(`Job ${job.id}`)),
    ),
  );
}
