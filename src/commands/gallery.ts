import { MessageFlags } from 'discord.js';
import type { BotContext } from '../context.js';
import { isServerManager } from './quota-access.js';
import { UserError } from '../errors.js';
import { forChannel, forMember, type Translator } from '../services/i18n/index.js';
import {
  clampPage,
  GALLERY_PAGE_SIZE,
  renderEmptyGallery,
  renderGalleryPage,
  type GalleryBody,
} from '../services/delivery/gallery-replies.js';
import { galleryCommandData } from './data/gallery.js';
import { defineCommand } from './kit/define-command.js';
import type { OptionsOf } from './kit/option-types.js';
import type { ComponentHandler, GuildCommandInteraction } from './types.js';

/** `/gallery`: a member's recent avatars and videos, newest first, a page at a time. */

/** Mentions in the header name the owner; nobody is pinged by a gallery. */
const NO_PINGS = { parse: [] };

const PAGE_ARGUMENT = /^\d{1,4}$/;

/** The page asked for, or the last one when creations were removed since the buttons were drawn. */
async function galleryPage(
  ctx: BotContext,
  guildId: string,
  ownerId: string,
  requestedPage: number,
  tr: Translator,
): Promise<GalleryBody | undefined> {
  const limit = GALLERY_PAGE_SIZE;
  let found = await ctx.history.list(guildId, ownerId, { offset: requestedPage * limit, limit });
  if (found.total === 0) return undefined;
  const page = clampPage(requestedPage, found.total, limit);
  if (page !== requestedPage)
    found = await ctx.history.list(guildId, ownerId, { offset: page * limit, limit });
  return renderGalleryPage({ ownerId, page, items: found.items, total: found.total, pageSize: limit }, tr);
}

async function execute(
  interaction: GuildCommandInteraction,
  { member: target }: OptionsOf<typeof galleryCommandData>,
  ctx: BotContext,
): Promise<void> {
  const ownerId = target?.id ?? interaction.user.id;
  const ownGallery = ownerId === interaction.user.id;
  // Checked here, not only through Discord's command permissions, which a server can override.
  if (!ownGallery && !isServerManager(interaction)) {
    throw new UserError({ key: 'avatar.gallery.notAdmin' }, 'not-admin');
  }
  // A gallery the channel sees is in the server's language; what only the member sees (an empty
  // gallery, an admin's look at someone else's), in theirs.
  const memberTr = forMember(ctx.i18n, interaction);
  const tr = ownGallery ? forChannel(ctx.i18n, interaction) : memberTr;
  const body = await galleryPage(ctx, interaction.guildId, ownerId, 0, tr);
  if (!body) {
    await interaction.reply({
      ...renderEmptyGallery(ownerId, ownGallery, memberTr),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  // A member's own gallery is theirs to show the channel; an admin's look at someone else's stays private.
  await interaction.reply({
    ...body,
    allowedMentions: NO_PINGS,
    ...(ownGallery ? {} : { flags: MessageFlags.Ephemeral }),
  });
}

const turnPage: ComponentHandler<'gallery'> = async (interaction, { ownerId, page: pageArgument }, ctx) => {
  if (!PAGE_ARGUMENT.test(pageArgument)) {
    throw new UserError({ key: 'avatar.gallery.badPage' }, 'bad-page');
  }
  if (interaction.user.id !== ownerId && !isServerManager(interaction)) {
    throw new UserError({ key: 'avatar.gallery.notOwner' }, 'not-owner');
  }
  // The page stays where it is: in the channel (the server's language) or only for the viewer.
  const ephemeral = interaction.message?.flags?.has(MessageFlags.Ephemeral) ?? false;
  const tr = ephemeral ? forMember(ctx.i18n, interaction) : forChannel(ctx.i18n, interaction);
  const body = await galleryPage(ctx, interaction.guildId, ownerId, Number(pageArgument), tr);
  await interaction.update({
    ...(body ?? renderEmptyGallery(ownerId, ownerId === interaction.user.id, tr)),
    allowedMentions: NO_PINGS,
  });
};

export const galleryModule = defineCommand(galleryCommandData, {
  execute,
  components: { gallery: turnPage },
});
