import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { encodeCustomId } from '../../interactions/custom-id.js';
import { button, buttonRow } from './components.js';
import type { Translator } from '../i18n/index.js';
import type { CreationView } from './views.js';
import { COLOURS, clip } from './style.js';

/**
 * The `/gallery` message: one embed per creation (its thumbnail, prompt and Percify ids) under a
 * header line, and ◀ ▶ buttons whose custom ids carry the gallery's owner and the page they lead to.
 * Pure functions of the history page, so paging re-renders exactly what a fresh command would.
 * Every word is from the catalog, in the reader's language (`tr`).
 */

/** Creations per page: Discord allows 10 embeds a message; 5 keeps a page readable on a phone. */
export const GALLERY_PAGE_SIZE = 5;

/** The third custom-id argument: which button it is, so ◀ and ▶ never share an id on a one-page edge. */
export const GALLERY_DIRECTION = { previous: 'p', next: 'n' } as const;

const PROMPT_TITLE_MAX = 200;

export interface GalleryBody {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

export interface GalleryPageView {
  /** Whose creations these are (a user id; shown as a mention, which never pings with mentions off). */
  ownerId: string;
  /** 0-based; already clamped to the pages that exist. */
  page: number;
  /** The creations on this page, newest first. */
  items: readonly CreationView[];
  /** All the owner's creations. */
  total: number;
  pageSize?: number;
}

export function pageCount(total: number, pageSize: number = GALLERY_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page number from a custom id or option, kept inside the pages that exist now. */
export function clampPage(page: number, total: number, pageSize: number = GALLERY_PAGE_SIZE): number {
  if (!Number.isFinite(page) || page < 0) return 0;
  return Math.min(Math.floor(page), pageCount(total, pageSize) - 1);
}

function idList(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(' · ');
}

function creationEmbed(creation: CreationView, tr: Translator): APIEmbed {
  const isVideo = creation.kind === 'video';
  const prompt = creation.prompt.replace(/\s+/g, ' ').trim();
  const avatarIds = creation.avatarIds ?? [];
  const ids = isVideo
    ? tr.t('avatar.gallery.video', { ids: idList(creation.videoId ? [creation.videoId] : []) })
    : tr.t(avatarIds.length === 1 ? 'avatar.gallery.avatarId' : 'avatar.gallery.avatarIds', {
        ids: idList(avatarIds),
      });
  const untitled = tr.t(isVideo ? 'avatar.gallery.untitledVideo' : 'avatar.gallery.untitledAvatar');
  return {
    color: isVideo ? COLOURS.success : COLOURS.brand,
    title: clip(`${isVideo ? '🎬' : '🖼️'} ${prompt || untitled}`, PROMPT_TITLE_MAX),
    // Ids can be long and many; 4096 is far above 4 avatar ids, but clip anyway to never be refused.
    description: clip(ids, 1000),
    ...(creation.thumbnailUrl ? { thumbnail: { url: creation.thumbnailUrl } } : {}),
    timestamp: new Date(creation.createdAt).toISOString(),
  };
}

function pagingRow(ownerId: string, page: number, pages: number): APIActionRowComponent<APIButtonComponent> {
  return buttonRow([
    button(
      encodeCustomId('gallery', ownerId, Math.max(0, page - 1), GALLERY_DIRECTION.previous),
      '◀',
      ButtonStyle.Secondary,
      page === 0,
    ),
    button(
      encodeCustomId('gallery', ownerId, Math.min(pages - 1, page + 1), GALLERY_DIRECTION.next),
      '▶',
      ButtonStyle.Secondary,
      page >= pages - 1,
    ),
  ]);
}

export function renderGalleryPage(view: GalleryPageView, tr: Translator): GalleryBody {
  const pageSize = view.pageSize ?? GALLERY_PAGE_SIZE;
  const pages = pageCount(view.total, pageSize);
  const page = clampPage(view.page, view.total, pageSize);
  const items = view.items.slice(0, Math.min(pageSize, 10));
  const embeds = items.map((creation) => creationEmbed(creation, tr));
  const last = embeds.at(-1);
  if (last) last.footer = { text: tr.t('avatar.gallery.footer') };
  const where = pages > 1 ? ` · ${tr.t('avatar.gallery.page', { page: page + 1, pages })}` : '';
  return {
    content: `${tr.t('avatar.gallery.header', { owner: view.ownerId, count: view.total })}${where}`,
    embeds,
    components: pages > 1 ? [pagingRow(view.ownerId, page, pages)] : [],
  };
}

/** Nothing made yet: point to where creations come from. */
export function renderEmptyGallery(ownerId: string, ownGallery: boolean, tr: Translator): GalleryBody {
  return {
    content: ownGallery
      ? tr.t('avatar.gallery.emptyOwn')
      : tr.t('avatar.gallery.emptyOther', { owner: ownerId }),
    embeds: [],
    components: [],
  };
}
