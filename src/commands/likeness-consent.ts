import { randomBytes } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type RepliableInteraction,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import { COLOURS } from '../services/delivery/style.js';
import type { AvatarParams } from '../services/jobs/job-record.js';
import { storeKey } from '../services/store.js';
import type { GuildComponentInteraction } from './types.js';

/**
 * Features that use a member's likeness wait for the member's word first: a photo avatar once (the
 * consent line, remembered per member), a voice clone every time (that the voice is their own).
 * What waits is kept for ten minutes at most; it names the attachment, never holds its bytes.
 */

export interface PendingClone {
  name: string;
  sample: { url: string; fileName: string };
  seconds: number;
}

/** What a member is asked to confirm, by kind. */
type LikenessRequest = { kind: 'photo'; params: AvatarParams } | { kind: 'voice'; clone: PendingClone };

export type PendingLikeness = LikenessRequest & { ownerId: string; guildId: string; createdAt: number };

interface Consent {
  at: number;
}

export const PHOTO_CONSENT_LINE =
  'Use a photo of yourself, or one you have the right to use. Percify turns it into an avatar; the bot does not keep your photo or post it anywhere.';

export async function hasConsented(ctx: BotContext, memberId: string): Promise<boolean> {
  return (await ctx.store.get<Consent>(storeKey.likenessConsent(memberId, 'photo'))) !== undefined;
}

export async function recordConsent(ctx: BotContext, memberId: string): Promise<void> {
  await ctx.store.set<Consent>(storeKey.likenessConsent(memberId, 'photo'), { at: ctx.now() });
}

function buttons(id: string, yes: string): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          custom_id: encodeCustomId('likeness', id, 'yes'),
          label: yes,
          style: ButtonStyle.Success,
        },
        {
          type: ComponentType.Button,
          custom_id: encodeCustomId('likeness', id, 'no'),
          label: 'Cancel',
          style: ButtonStyle.Secondary,
        },
      ],
    },
  ];
}

/** Keeps what the member is asked to confirm, for the button's click; the id goes in its custom id. */
async function rememberPending(
  interaction: RepliableInteraction<'cached'>,
  ctx: BotContext,
  request: LikenessRequest,
): Promise<string> {
  const id = randomBytes(6).toString('hex');
  const pending: PendingLikeness = {
    ...request,
    ownerId: interaction.user.id,
    guildId: interaction.guildId,
    createdAt: ctx.now(),
  };
  await ctx.shortLived.put('pendingLikeness', id, pending);
  return id;
}

export async function askPhotoConsent(
  interaction: RepliableInteraction<'cached'>,
  ctx: BotContext,
  params: AvatarParams,
): Promise<void> {
  const id = await rememberPending(interaction, ctx, { kind: 'photo', params });
  const embed: APIEmbed = {
    color: COLOURS.brand,
    title: '📸 Before your first photo avatar',
    description: `${PHOTO_CONSENT_LINE}\n\nConfirm once and it will not be asked again.`,
  };
  await interaction.reply({
    flags: MessageFlags.Ephemeral,
    embeds: [embed],
    components: buttons(id, '✅ It is me, or I have the right'),
  });
}

/** Shown in the (deferred, private) answer to `/voice clone`: price, length and the owner's word. */
export async function askCloneConfirm(
  interaction: RepliableInteraction<'cached'>,
  ctx: BotContext,
  clone: PendingClone,
  price: number,
): Promise<void> {
  const id = await rememberPending(interaction, ctx, { kind: 'voice', clone });
  await interaction.editReply({
    embeds: [
      {
        color: COLOURS.brand,
        title: `🎙 Clone the voice “${clone.name}”?`,
        description: `A ${clone.seconds.toFixed(1)} s sample. Cloning costs **${price} credits**, once; only you will see and use this voice.\n\n**Only confirm if this is your own voice.**`,
      },
    ],
    components: buttons(id, '✅ This is my own voice'),
  });
}

/** Takes the waiting request, once, for the member who made it. */
export async function takePendingLikeness(
  interaction: GuildComponentInteraction,
  ctx: BotContext,
  id: string,
): Promise<PendingLikeness> {
  const found = await ctx.shortLived.get<PendingLikeness>('pendingLikeness', id);
  if (found.state !== 'open' || found.record.guildId !== interaction.guildId) {
    throw new UserError('This has expired. Run the command again.', 'pending-gone');
  }
  if (found.record.ownerId !== interaction.user.id) {
    throw new UserError('Only the member who asked for this can answer it.', 'not-owner');
  }
  if (!(await ctx.shortLived.delete('pendingLikeness', id))) {
    throw new UserError('This was already answered.', 'pending-taken');
  }
  return found.record;
}
