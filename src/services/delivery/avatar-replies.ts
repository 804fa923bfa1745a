import { MediaGalleryBuilder, MediaGalleryItemBuilder } from '@discordjs/builders';
import { ButtonStyle } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import { MODEL_INFO } from '../percify/pricing.js';
import type { ReplyBody } from './reply-body.js';
import type { AvatarView } from './views.js';
import { COLOURS, clip, credits, plural, quote } from './style.js';
import { actionButton, buttonRow, card, subtext, textDisplay, thinSeparator, v2Reply } from './v2-layout.js';

/**
 * The messages of an avatar job, all Components V2 from the first answer on (a message cannot be
 * switched to V2 and back, so every state shares the one form): the answer while it waits and
 * renders, the result with its images in one media gallery (Discord lays four out as a 2×2 grid)
 * and buttons that name what they do, and the failure. Pure functions of the job as a view, so a
 * restarted bot renders exactly what the first one would have.
 */

export interface PendingView {
  /** 1-based place in line, or undefined once rendering. */
  position?: number | undefined;
  balanceAfter?: number | undefined;
}

function heading(verb: string, count: number): string {
  return `### ${verb} ${count === 1 ? 'avatar' : plural(count, 'avatar')}`;
}

/** Model, seed(s), size and the optional settings, on one line of label · value pairs. */
function settingsLine(job: AvatarView, seeds: string): string {
  const { params } = job;
  const parts = [
    `**Model** ${params.model} · ${MODEL_INFO[params.model].label}`,
    `**${seeds.includes('·') ? 'Seeds' : 'Seed'}** ${seeds}`,
    `**Size** ${params.aspectRatio}`,
  ];
  if (params.style) parts.push(`**Style** ${clip(params.style, 100)}`);
  if (params.guidance !== undefined) parts.push(`**Guidance** ${params.guidance}`);
  const avoiding = params.negativePrompt ? `\n**Avoiding** ${clip(params.negativePrompt, 300)}` : '';
  return `${parts.join('  ·  ')}${avoiding}`;
}

/**
 * A batch where some images failed: how many came out, and that only those were charged. Percify
 * bills only what it made, and so does the bot (the job's charge is the sum of the images).
 */
function partialBatchNote(job: AvatarView, made: number, charged: number): string | undefined {
  const asked = job.params.variations;
  if (made >= asked) return undefined;
  const missing = asked - made;
  return `⚠️ **${made} of ${asked} images came out**; you were charged for ${made} (${credits(charged)}). The ${missing === 1 ? 'one that failed costs' : `${missing} that failed cost`} nothing.`;
}

/** Where a waiting avatar job is: its place in line, starting, or `working` once Percify has it. */
export function avatarStatus(job: AvatarView, view: PendingView, working: string): string {
  if (view.position !== undefined) return `⏳ Waiting for a free slot: **#${view.position}** in line`;
  return job.state === 'queued' ? '⏳ Starting…' : working;
}

export function renderAvatarPending(job: AvatarView, view: PendingView): ReplyBody {
  const status = avatarStatus(job, view, '🎨 Rendering… usually under 10 seconds');
  const left = view.balanceAfter !== undefined ? ` · ${credits(view.balanceAfter)} left after this` : '';
  const container = card(COLOURS.working).addTextDisplayComponents(
    textDisplay(`${heading('🎨 Creating', job.params.variations)}\n${quote(job.params.prompt)}`),
    textDisplay(status),
    textDisplay(
      `${settingsLine(job, `\`${job.params.seed}\``)}\n**Cost** ${credits(job.reservedCredits)}${left}`,
    ),
    textDisplay(subtext(`Job ${job.id}`)),
  );
  return v2Reply(container);
}

export function avatarFileName(index: number): string {
  return `avatar-${index + 1}.png`;
}

/** The uploaded images in one gallery (Discord lays four out as a 2×2 grid), each with its alt text. */
export function avatarGallery(count: number, describe: (index: number) => string): MediaGalleryBuilder {
  return new MediaGalleryBuilder().addItems(
    Array.from({ length: count }, (_, index) =>
      new MediaGalleryItemBuilder()
        .setURL(`attachment://${avatarFileName(index)}`)
        .setDescription(describe(index)),
    ),
  );
}

export function renderAvatarResult(job: AvatarView): ReplyBody {
  const images = job.images ?? [];
  const charged = job.chargedCredits ?? images.reduce((sum, image) => sum + image.creditCost, 0);
  const seeds = images.map((image) => `\`${image.seed}\``).join(' · ') || '—';
  const note = partialBatchNote(job, images.length, charged);
  const container = card(COLOURS.success).addTextDisplayComponents(
    textDisplay(
      `${heading('✅ Your', images.length)}\n${quote(job.params.prompt)}${note ? `\n\n${note}` : ''}`,
    ),
  );
  if (images.length > 0) {
    container.addMediaGalleryComponents(
      avatarGallery(images.length, (index) =>
        images.length === 1
          ? `Avatar, seed ${images[index]?.seed}`
          : `Avatar ${index + 1}, seed ${images[index]?.seed}`,
      ),
    );
  }
  container.addTextDisplayComponents(
    textDisplay(`${settingsLine(job, seeds)}\n**Charged** ${credits(charged)}`),
  );
  const rows = avatarResultButtons(job);
  if (rows.length > 0) container.addSeparatorComponents(thinSeparator()).addActionRowComponents(rows);
  container.addTextDisplayComponents(
    textDisplay(subtext(`Job ${job.id} · ${images.map((image) => image.avatarId).join(', ')}`)),
  );
  return v2Reply(container);
}

type PerImageAction = 'animate' | 'variations' | 'hd';

const PER_IMAGE: ReadonlyArray<{
  action: PerImageAction;
  label: string;
  emoji: string;
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success;
}> = [
  { action: 'animate', label: 'Animate', emoji: '🎬', style: ButtonStyle.Primary },
  { action: 'variations', label: 'Vary', emoji: '🎲', style: ButtonStyle.Secondary },
  { action: 'hd', label: 'HD', emoji: '✨', style: ButtonStyle.Success },
];

/**
 * One image: a single row of Animate, Vary, HD, Reroll and Delete. Several: one row per per-image
 * action, numbered as the gallery reads (left to right, top to bottom: "Animate 1" … "Animate 4"),
 * then Reroll and Delete. Four rows of at most four buttons, well inside Discord's 40 components.
 */
export function avatarResultButtons(job: AvatarView) {
  const count = job.images?.length ?? 0;
  if (count === 0) return [];
  const reroll = actionButton(encodeCustomId('reroll', job.id), 'Reroll', '🔁', ButtonStyle.Secondary);
  const remove = actionButton(encodeCustomId('delete', job.id), 'Delete', '🗑️', ButtonStyle.Danger);
  const perImage = (spec: (typeof PER_IMAGE)[number], index: number, numbered: boolean) =>
    actionButton(
      encodeCustomId(spec.action, job.id, index),
      numbered ? `${spec.label} ${index + 1}` : spec.label,
      spec.emoji,
      spec.style,
    );
  if (count === 1) return [buttonRow([...PER_IMAGE.map((spec) => perImage(spec, 0, false)), reroll, remove])];
  const byAction = PER_IMAGE.map((spec) =>
    buttonRow(Array.from({ length: count }, (_, index) => perImage(spec, index, true))),
  );
  return [...byAction, buttonRow([reroll, remove])];
}

export function renderAvatarFailure(job: AvatarView, reason: string): ReplyBody {
  const container = card(COLOURS.failure).addTextDisplayComponents(
    textDisplay(`${heading('❌ Could not create', job.params.variations)}\n${quote(job.params.prompt, 500)}`),
    textDisplay(
      `${reason}\n\n**Nothing was charged**: the ${credits(job.reservedCredits)} held for this are back in your balance.`,
    ),
    textDisplay(subtext(`Job ${job.id}`)),
  );
  return v2Reply(container);
}
