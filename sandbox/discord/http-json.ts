import type { EmulatorStore } from './store.js';
import type { EmulatedMessage, InteractionResponse } from './types.js';

/** Plain JSON views for the HTTP driver: no Buffers, times as ISO strings, attachments by URL. */

export interface MessageJson {
  id: string;
  channelId: string;
  guildId: string | null;
  author: { id: string; username: string; displayName: string; bot: boolean };
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    url: string;
    width?: number;
    height?: number;
  }[];
  flags: number;
  ephemeral: boolean;
  loading: boolean;
  ephemeralOwnerId?: string;
  interactionId?: string;
  interactionUserId?: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export function messageJson(store: EmulatorStore, message: EmulatedMessage): MessageJson {
  const author = store.users.get(message.authorId);
  const interaction = message.interactionId ? store.interactions.get(message.interactionId) : undefined;
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    author: {
      id: message.authorId,
      username: author?.username ?? 'unknown',
      displayName: author?.globalName ?? author?.username ?? 'unknown',
      bot: author?.bot ?? false,
    },
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments.map(({ bytes: _bytes, ...rest }) => rest),
    flags: message.flags,
    ephemeral: message.ephemeral,
    loading: message.loading,
    ...(message.ephemeralOwnerId ? { ephemeralOwnerId: message.ephemeralOwnerId } : {}),
    ...(message.interactionId ? { interactionId: message.interactionId } : {}),
    ...(interaction ? { interactionUserId: interaction.userId } : {}),
    createdAt: new Date(message.createdAt).toISOString(),
    editedAt: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
    deleted: message.deleted,
  };
}

export function responseJson(store: EmulatorStore, response: InteractionResponse): Record<string, unknown> {
  return {
    type: response.type,
    ...(response.message ? { message: messageJson(store, response.message) } : {}),
    ...(response.modal ? { modal: response.modal } : {}),
    ...(response.choices ? { choices: response.choices } : {}),
  };
}
