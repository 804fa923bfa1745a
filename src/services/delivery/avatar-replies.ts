import { MediaGalleryBuilder, MediaGalleryItemBuilder } from '@discordjs/builders';
import { ButtonStyle } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import type { AvatarModel } from '../percify/pricing.js';
import type { ReplyBody } from './reply-body.js';
import type { AvatarView } from './views.js';
import { COLOURS, clip, quote } from './style.js';
import { actionButton, buttonRow, card, subtext, textDisplay, thinSeparator, v2Reply } from './v2-layout.js';

/**
 * The messages of an avatar job, all Components V2 from the first answer on (a message cannot be
 * switched to V2 and back, so every state shares the one form): the answer while it waits and
 * renders, the result with its images in one media gallery (Discord lays four out as a 2×2 grid)
 * and buttons that name what they do, and the failure. Pure functions of the job as a view, so a
 * restarted bot renders exactly what the first one would have. Every word comes from the catalog in
 * the reader's language (`tr`): the job's reply is public, so the server's (`forChannel`).
 */

export interface PendingView {
  /** 1-based place in line, or undefined once rendering. */
  position?: number | undefined;
  balanceAfter?: number | undefined;
}

type HeadingKey = 'avatar.reply.creating' | 'avatar.reply.done' | 'avatar.reply.failed';

function heading(key: HeadingKey, count: number, tr: Translator): string {
  return `### ${tr.t(key, { count })}`;
}

/** Percify's model names stay as they are; what they are good at is said in the reader's words. */
const MODEL_LABEL: Readonly<Record<AvatarModel, MessageKey>> = {
  flux: 'avatar.models.flux',
  imagen3: 'avatar.models.imagen3',
  reality4: 'avatar.models.reality4',
};

/** Model, seed(s), size and the optional settings, on one line of label · value pairs. */
function settingsLine(job: AvatarView, seeds: string, tr: Translator): string {
  const { params } = job;
  const parts = [
    tr.t('avatar.reply.model', { model: params.model, label: tr.t(MODEL_LABEL[params.model]) }),
    tr.t(seeds.includes('·') ? 'avatar.reply.seeds' : 'avatar.reply.seed', { seeds }),
    tr.t('avatar.reply.size', { size: params.aspectRatio }),
  ];
  if (params.style) parts.push(tr.t('avatar.reply.style', { style: clip(params.style, 100) }));
  if (params.guidance !== undefined) parts.push(tr.t('avatar.reply.guidance', { guidance: params.guidance }));
  const avoiding = params.negativePrompt
    ? `\n${tr.t('avatar.reply.avoiding', { text: clip(params.negativePrompt, 300) })}`
    : '';
  return `${parts.join('  ·  ')}${avoiding}`;
}

/** "**Cost** 4 credits · 46 credits left after this": what the job holds, and what is left after. */
export function costLine(reserved: number, balanceAfter: number | undefined, tr: Translator): string {
  const cost = tr.credits(reserved);
  return balanceAfter !== undefined
    ? tr.t('avatar.reply.costLeft', { cost, left: tr.credits(balanceAfter) })
    : tr.t('avatar.reply.cost', { cost });
}

/** The failure's reason, then that the held credits are back. */
export function nothingCharged(reason: string, reserved: number, tr: Translator): string {
  return tr.t('avatar.reply.nothingCharged', { reason, held: tr.credits(reserved) });
}

export function jobFooter(id: string, tr: Translator): string {
  return subtext(tr.t('avatar.reply.job', { id }));
}

export function resultFooter(job: AvatarView, tr: Translator): string {
  const avatars = (job.images ?? []).map((image) => image.avatarId).join(', ');
  return subtext(tr.t('avatar.reply.jobAvatars', { id: job.id, avatars }));
}

/**
 * A batch where some images failed: how many came out, and that only those were charged. Percify
 * bills only what it made, and so does the bot (the job's charge is the sum of the images).
 */
function partialBatchNote(
  job: AvatarView,
  made: number,
  charged: number,
  tr: Translator,
): string | undefined {
  const asked = job.params.variations;
  if (made >= asked) return undefined;
  return tr.t('avatar.reply.partial', {
    made,
    asked,
    charged: tr.credits(charged),
    failed: tr.t('avatar.reply.partialFailed', { count: asked - made }),
  });
}

/** Where a waiting avatar job is: its place in line, starting, or `working` once Percify has it. */
export function avatarStatus(job: AvatarView, view: PendingView, working: string, tr: Translator): string {
  if (view.position !== undefined) return tr.t('avatar.reply.waiting', { position: view.position });
  return job.state === 'queued' ? tr.t('avatar.reply.starting') : working;
}

export function renderAvatarPending(job: AvatarView, view: PendingView, tr: Translator): ReplyBody {
  const status = avatarStatus(job, view, tr.t('avatar.reply.rendering'), tr);
  const container = card(COLOURS.working).addTextDisplayComponents(
    textDisplay(
      `${heading('avatar.reply.creating', job.params.variations, tr)}\n${quote(job.params.prompt)}`,
    ),
    textDisplay(status),
    textDisplay(
      `${settingsLine(job, `\`${job.params.seed}\``, tr)}\n${costLine(job.reservedCredits, view.balanceAfter, tr)}`,
    ),
    textDisplay(jobFooter(job.id, tr)),
  );
  return v2Reply(container);
}

export function avatarFileName(index: number): string {
  // A file name, not words (string parts keep the literal check from reading it as text).
  return 'avatar-' + String(index + 1) + '.png';
}

/** The uploaded images in one gallery (Discord lays four out as a 2×2 grid), each with its alt text. */
export function avatarGallery(count: number, describe: (index: number) => string): MediaGalleryBuilder {
  return new MediaGalleryBuilder().addItems(
    Array.from({ length: count }, (_, index) =>
      new MediaGalleryItemBuilder()
        .setURL('attachment://' + avatarFileName(index))
        .setDescription(describe(index)),
    ),
  );
}

export function renderAvatarResult(job: AvatarView, tr: Translator): ReplyBody {
  const images = job.images ?? [];
  const charged = job.chargedCredits ?? images.reduce((sum, image) => sum + image.creditCost, 0);
  const seeds = images.map((image) => `\`${image.seed}\``).join(' · ') || '—';
  const note = partialBatchNote(job, images.length, charged, tr);
  const container = card(COLOURS.success).addTextDisplayComponents(
    textDisplay(
      `${heading('avatar.reply.done', images.length, tr)}\n${quote(job.params.prompt)}${note ? `\n\n${note}` : ''}`,
    ),
  );
  if (images.length > 0) {
    container.addMediaGalleryComponents(
      avatarGallery(images.length, (index) =>
        images.length === 1
          ? tr.t('avatar.reply.altOne', { seed: String(images[index]?.seed) })
          : tr.t('avatar.reply.altNumbered', { index: index + 1, seed: String(images[index]?.seed) }),
      ),
    );
  }
  container.addTextDisplayComponents(
    textDisplay(
      `${settingsLine(job, seeds, tr)}\n${tr.t('avatar.reply.charged', { charged: tr.credits(charged) })}`,
    ),
  );
  const rows = avatarResultButtons(job, tr);
  if (rows.length > 0) container.addSeparatorComponents(thinSeparator()).addActionRowComponents(rows);
  container.addTextDisplayComponents(textDisplay(resultFooter(job, tr)));
  return v2Reply(container);
}

type PerImageAction = 'animate' | 'variations' | 'hd';

const PER_IMAGE: ReadonlyArray<{
  action: PerImageAction;
  label: 'avatar.buttons.animate' | 'avatar.buttons.vary' | 'avatar.buttons.hd';
  emoji: string;
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success;
}> = [
  { action: 'animate', label: 'avatar.buttons.animate', emoji: '🎬', style: ButtonStyle.Primary },
  { action: 'variations', label: 'avatar.buttons.vary', emoji: '🎲', style: ButtonStyle.Secondary },
  { action: 'hd', label: 'avatar.buttons.hd', emoji: '✨', style: ButtonStyle.Success },
];

/**
 * One image: a single row of Animate, Vary, HD, Reroll and Delete. Several: one row per per-image
 * action, numbered as the gallery reads (left to right, top to bottom: "Animate 1" … "Animate 4"),
 * then Reroll and Delete. Four rows of at most four buttons, well inside Discord's 40 components.
 */
export function avatarResultButtons(job: AvatarView, tr: Translator) {
  const count = job.images?.length ?? 0;
  if (count === 0) return [];
  const reroll = actionButton(
    encodeCustomId('reroll', job.id),
    tr.t('avatar.buttons.reroll'),
    '🔁',
    ButtonStyle.Secondary,
  );
  const remove = actionButton(
    encodeCustomId('delete', job.id),
    tr.t('avatar.buttons.delete'),
    '🗑️',
    ButtonStyle.Danger,
  );
  const perImage = (spec: (typeof PER_IMAGE)[number], index: number, numbered: boolean) =>
    actionButton(
      encodeCustomId(spec.action, job.id, index),
      numbered ? `${tr.t(spec.label)} ${tr.number(index + 1)}` : tr.t(spec.label),
      spec.emoji,
      spec.style,
    );
  if (count === 1) return [buttonRow([...PER_IMAGE.map((spec) => perImage(spec, 0, false)), reroll, remove])];
  const byAction = PER_IMAGE.map((spec) =>
    buttonRow(Array.from({ length: count }, (_, index) => perImage(spec, index, true))),
  );
  return [...byAction, buttonRow([reroll, remove])];
}

export function renderAvatarFailure(job: AvatarView, reason: string, tr: Translator): ReplyBody {
  const container = card(COLOURS.failure).addTextDisplayComponents(
    textDisplay(
      `${heading('avatar.reply.failed', job.params.variations, tr)}\n${quote(job.params.prompt, 500)}`,
    ),
    textDisplay(nothingCharged(reason, job.reservedCredits, tr)),
    textDisplay(jobFooter(job.id, tr)),
  );
  return v2Reply(container);
}
