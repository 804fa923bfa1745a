import type { Translator } from '../i18n/index.js';
import {
  avatarGallery,
  avatarResultButtons,
  avatarStatus,
  costLine,
  jobFooter,
  nothingCharged,
  resultFooter,
  type PendingView,
} from './avatar-replies.js';
import type { ReplyBody } from './reply-body.js';
import { COLOURS, clip, quote } from './style.js';
import { card, textDisplay, thinSeparator, v2Reply } from './v2-layout.js';
import type { AvatarView } from './views.js';

/**
 * The messages of an avatar made from the member's photo (Percify Yourself): the same Components V2
 * card and buttons as any avatar, without the model and seed a photo avatar does not have. The
 * member's photo is never shown again: only what Percify made from it. In the reader's language
 * (`tr`), as every avatar reply.
 */

function intro(heading: string, job: AvatarView, tr: Translator): string {
  const prompt = job.params.prompt ? quote(job.params.prompt) : tr.t('avatar.photo.fromPhoto');
  return `### ${heading}\n${prompt}`;
}

function styleLine(job: AvatarView, tr: Translator): string {
  return job.params.style ? `${tr.t('avatar.reply.style', { style: clip(job.params.style, 100) })}\n` : '';
}

export function renderPhotoAvatarPending(job: AvatarView, view: PendingView, tr: Translator): ReplyBody {
  const status = avatarStatus(job, view, tr.t('avatar.photo.rendering'), tr);
  return v2Reply(
    card(COLOURS.working).addTextDisplayComponents(
      textDisplay(intro(tr.t('avatar.photo.creating'), job, tr)),
      textDisplay(status),
      textDisplay(`${styleLine(job, tr)}${costLine(job.reservedCredits, view.balanceAfter, tr)}`),
      textDisplay(jobFooter(job.id, tr)),
    ),
  );
}

export function renderPhotoAvatarResult(job: AvatarView, tr: Translator): ReplyBody {
  const images = job.images ?? [];
  const charged = job.chargedCredits ?? images.reduce((sum, image) => sum + image.creditCost, 0);
  const container = card(COLOURS.success).addTextDisplayComponents(
    textDisplay(intro(tr.t('avatar.photo.done'), job, tr)),
  );
  if (images.length > 0) {
    container.addMediaGalleryComponents(avatarGallery(images.length, () => tr.t('avatar.photo.alt')));
  }
  container.addTextDisplayComponents(
    textDisplay(`${styleLine(job, tr)}${tr.t('avatar.reply.charged', { charged: tr.credits(charged) })}`),
  );
  const rows = avatarResultButtons(job, tr);
  if (rows.length > 0) container.addSeparatorComponents(thinSeparator()).addActionRowComponents(rows);
  container.addTextDisplayComponents(textDisplay(resultFooter(job, tr)));
  return v2Reply(container);
}

export function renderPhotoAvatarFailure(job: AvatarView, reason: string, tr: Translator): ReplyBody {
  return v2Reply(
    card(COLOURS.failure).addTextDisplayComponents(
      textDisplay(intro(tr.t('avatar.photo.failed'), job, tr)),
      textDisplay(nothingCharged(reason, job.reservedCredits, tr)),
      textDisplay(jobFooter(job.id, tr)),
    ),
  );
}
