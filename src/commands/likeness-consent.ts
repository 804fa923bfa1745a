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
import { forMember, type Translator } from '../services/i18n/index.js';
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

export async function hasConsented(ctx: BotContext, memberId: string): Promise<boolean> {
  return (await ctx.store.get<Consent>(storeKey.likenessConsent(memberId, 'photo'))) !== undefined;
}

export async function recordConsent(ctx: BotContext, memberId: string): Promise<void> {
  await ctx.store.set<Consent>(storeKey.likenessConsent(memberId, 'photo'), { at: ctx.now() });
}

function buttons(id: string, yes: string, tr: Translator): APIActionRowComponent<APIButtonComponent>[] {
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
          label: tr.t('avatar.likeness.cancel'),
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
  const tr = forMember(ctx.i18n, interaction);
  const embed: APIEmbed = {
    color: COLOURS.brand,
    title: tr.t('avatar.likeness.consentTitle'),
    description: `${tr.t('avatar.likeness.consentLine')}\n\n${tr.t('avatar.likeness.consentOnce')}`,
  };
  await interaction.reply({
    flags: MessageFlags.Ephemeral,
    embeds: [embed],
    components: buttons(id, tr.t('avatar.likeness.consentYes'), tr),
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
  const tr = forMember(ctx.i18n, interaction);
  await interaction.editReply({
    embeds: [
      {
        color: COLOURS.brand,
        title: tr.t('avatar.likeness.cloneTitle', { name: clone.name }),
        description: tr.t('avatar.likeness.cloneBody', {
          seconds: clone.seconds,
          price: tr.credits(price),
        }),
      },
    ],
    components: buttons(id, tr.t('avatar.likeness.cloneYes'), tr),
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
    throw new UserError({ key: 'avatar.likeness.expired' }, 'pending-gone');
  }
  if (found.record.ownerId !== interaction.user.id) {
    throw new UserError({ key: 'avatar.likeness.notOwner' }, 'not-owner');
  }
  if (!(await ctx.shortLived.delete('pendingLikeness', id))) {
    throw new UserError({ key: 'avatar.likeness.taken' }, 'pending-taken');
  }
  return found.record;
}
