import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import { button, buttonRow } from './components.js';
import { MODEL_INFO } from '../percify/pricing.js';
import type { ReplyBody } from './reply-body.js';
import type { AvatarView } from './views.js';
import { COLOURS, clip, credits, plural, quote } from './style.js';

/**
 * The messages of an avatar job: the first answer while it waits and renders, the result with its
 * images and buttons, and the failure. Pure functions of the job as a view, so a restarted bot renders
 * exactly what the first one would have.
 */

export interface PendingView {
  /** 1-based place in line, or undefined once rendering. */
  position?: number | undefined;
  balanceAfter?: number | undefined;
}

/** Many results share one embed `url`: Discord then shows their images as one gallery. */
const GALLERY_URL = 'https://percify.io/';

function summaryFields(job: AvatarView): NonNullable<APIEmbed['fields']> {
  const { params } = job;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Model', value: `${params.model} · ${MODEL_INFO[params.model].label}`, inline: true },
    { name: 'Seed', value: `\`${params.seed}\``, inline: true },
    { name: 'Size', value: params.aspectRatio, inline: true },
  ];
  if (params.style) fields.push({ name: 'Style', value: params.style, inline: true });
  if (params.guidance !== undefined)
    fields.push({ name: 'Guidance', value: String(params.guidance), inline: true });
  if (params.negativePrompt) fields.push({ name: 'Avoiding', value: clip(params.negativePrompt, 1024) });
  return fields;
}

function title(verb: string, count: number): string {
  return `${verb} ${count === 1 ? 'avatar' : plural(count, 'avatar')}`;
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

export function renderAvatarPending(job: AvatarView, view: PendingView): ReplyBody {
  const status =
    view.position !== undefined
      ? `⏳ Waiting for a free slot: **#${view.position}** in line`
      : job.state === 'queued'
        ? '⏳ Starting…'
        : '🎨 Rendering… usually under 10 seconds';
  const cost = `${credits(job.reservedCredits)}${view.balanceAfter !== undefined ? ` · ${credits(view.balanceAfter)} left after this` : ''}`;
  return {
    embeds: [
      {
        color: COLOURS.working,
        title: title('🎨 Creating', job.params.variations),
        description: `${quote(job.params.prompt)}\n\n${status}`,
        fields: [...summaryFields(job), { name: 'Cost', value: cost }],
        footer: { text: `Job ${job.id}` },
      },
    ],
    components: [],
  };
}

export function avatarFileName(index: number): string {
  return `avatar-${index + 1}.png`;
}

export function renderAvatarResult(job: AvatarView): ReplyBody {
  const images = job.images ?? [];
  const charged = job.chargedCredits ?? images.reduce((sum, image) => sum + image.creditCost, 0);
  const seeds = images.map((image) => `\`${image.seed}\``).join(' · ');
  const note = partialBatchNote(job, images.length, charged);
  const first: APIEmbed = {
    color: COLOURS.success,
    title: title('✅ Your', images.length),
    url: GALLERY_URL,
    description: note ? `${quote(job.params.prompt)}\n\n${note}` : quote(job.params.prompt),
    fields: [
      ...summaryFields(job).filter((field) => field.name !== 'Seed'),
      { name: images.length === 1 ? 'Seed' : 'Seeds', value: seeds || '—', inline: true },
      { name: 'Charged', value: credits(charged), inline: true },
    ],
    image: { url: `attachment://${avatarFileName(0)}` },
    footer: { text: `Job ${job.id} · ${images.map((image) => image.avatarId).join(', ')}` },
  };
  const more: APIEmbed[] = images.slice(1).map((_, offset) => ({
    url: GALLERY_URL,
    image: { url: `attachment://${avatarFileName(offset + 1)}` },
  }));
  return { embeds: [first, ...more], components: avatarResultButtons(job) };
}

/**
 * One image: a single row of Animate, Reroll, Variations, HD and Delete. Several: one row per
 * per-image action (numbered buttons), then Reroll and Delete — at most four rows, five buttons each.
 */
export function avatarResultButtons(job: AvatarView): APIActionRowComponent<APIButtonComponent>[] {
  const count = job.images?.length ?? 0;
  const reroll = button(encodeCustomId('reroll', job.id), '🔁 Reroll', ButtonStyle.Secondary);
  const remove = button(encodeCustomId('delete', job.id), '🗑 Delete', ButtonStyle.Danger);
  if (count === 0) return [];
  if (count === 1) {
    return [
      buttonRow([
        button(encodeCustomId('animate', job.id, 0), '🎬 Animate', ButtonStyle.Primary),
        reroll,
        button(encodeCustomId('variations', job.id, 0), '🎲 Variations', ButtonStyle.Secondary),
        button(encodeCustomId('hd', job.id, 0), '✨ HD', ButtonStyle.Success),
        remove,
      ]),
    ];
  }
  const perImage = (
    action: 'animate' | 'variations' | 'hd',
    emoji: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
  ) =>
    buttonRow(
      Array.from({ length: count }, (_, index) =>
        button(encodeCustomId(action, job.id, index), `${emoji} ${index + 1}`, style),
      ),
    );
  return [
    perImage('animate', '🎬', ButtonStyle.Primary),
    perImage('variations', '🎲', ButtonStyle.Secondary),
    perImage('hd', '✨', ButtonStyle.Success),
    buttonRow([reroll, remove]),
  ];
}

export function renderAvatarFailure(job: AvatarView, reason: string): ReplyBody {
  return {
    embeds: [
      {
        color: COLOURS.failure,
        title: title('❌ Could not create', job.params.variations),
        description: `${quote(job.params.prompt, 500)}\n\n${reason}\n\n**Nothing was charged**: the ${credits(job.reservedCredits)} held for this are back in your balance.`,
        footer: { text: `Job ${job.id}` },
      },
    ],
    components: [],
  };
}
