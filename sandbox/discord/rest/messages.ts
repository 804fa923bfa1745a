import { ChannelType } from 'discord-api-types/v10';
import { apiChannel, apiMessage, MESSAGE_FLAG_EPHEMERAL } from '../api-shapes.js';
import type { EmulatorCore } from '../core.js';
import {
  cannotMessageUser,
  missingAccess,
  missingPermissions,
  notAuthor,
  oldMessageEdit,
  unknownChannel,
  unknownMessage,
} from '../errors.js';
import { asArray, asRecord } from '../limits.js';
import { buildMessage, editChange, validateMessageBody, type WriteContext } from '../message-writes.js';
import type { UploadedFile } from '../multipart.js';
import { hasPermission, type PermissionName } from '../permissions.js';
import type { StoredChannel, StoredMessage } from '../types.js';
import { json, noContent, type RouteDefinition } from './route-types.js';

/** Channel routes with the bot token: the bot's own permissions in the channel decide what it may do. */

const HOUR_MS = 60 * 60 * 1000;

function channelFor(core: EmulatorCore, channelId: string, needs: PermissionName[]): StoredChannel {
  const channel = core.store.channels.get(channelId);
  if (!channel) throw unknownChannel();
  if (channel.type === ChannelType.DM) {
    const recipient = channel.recipientId ? core.store.users.get(channel.recipientId) : undefined;
    if (needs.includes('SendMessages') && recipient?.dmsClosed) throw cannotMessageUser();
    return channel;
  }
  const bits = core.store.permissionsIn(channel, core.settings.botUserId);
  if (!hasPermission(bits, 'ViewChannel')) throw missingAccess();
  for (const need of needs) if (!hasPermission(bits, need)) throw missingPermissions();
  return channel;
}

/** Ephemeral messages do not exist for channel routes. */
function channelMessage(core: EmulatorCore, channel: StoredChannel, messageId: string): StoredMessage {
  const message = core.store.liveMessage(messageId);
  if (!message || message.channelId !== channel.id || (message.flags & MESSAGE_FLAG_EPHEMERAL) !== 0)
    throw unknownMessage();
  return message;
}

function writeContext(core: EmulatorCore, channel: StoredChannel, files: UploadedFile[]): WriteContext {
  return {
    store: core.store,
    validator: core.validator,
    origin: core.origin,
    channelId: channel.id,
    guildId: channel.guildId,
    files,
  };
}

function neededForWrite(body: unknown, files: UploadedFile[], base: PermissionName[]): PermissionName[] {
  const needs = [...base];
  if (files.length > 0) needs.push('AttachFiles');
  if (asArray(asRecord(body)?.embeds).length > 0) needs.push('EmbedLinks');
  return needs;
}

export const channelRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: '/channels/:channel',
    auth: 'bot',
    major: 'channel',
    handle: ({ core, params }) => json(apiChannel(core.store, channelFor(core, params.channel ?? '', []))),
  },
  {
    method: 'GET',
    pattern: '/channels/:channel/messages',
    auth: 'bot',
    major: 'channel',
    handle: ({ core, params, query }) => {
      const channel = channelFor(core, params.channel ?? '', ['ReadMessageHistory']);
      const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
      const visible = core.store
        .channelMessages(channel.id)
        .filter((m) => (m.flags & MESSAGE_FLAG_EPHEMERAL) === 0);
      return json(
        visible
          .reverse()
          .slice(0, limit)
          .map((m) => apiMessage(core.store, m)),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/channels/:channel/messages',
    auth: 'bot',
    major: 'channel',
    handle: ({ core, params, body, files }) => {
      const channel = channelFor(core, params.channel ?? '', neededForWrite(body, files, ['SendMessages']));
      const ctx = writeContext(core, channel, files);
      validateMessageBody(ctx, 'MessageCreateRequestSchema', body);
      const message = buildMessage(ctx, body, { authorId: core.settings.botUserId, type: 0 });
      core.store.saveMessage(message);
      return json(apiMessage(core.store, message));
    },
  },
  {
    method: 'GET',
    pattern: '/channels/:channel/messages/:message',
    auth: 'bot',
    major: 'channel',
    handle: ({ core, params }) => {
      const channel = channelFor(core, params.channel ?? '', ['ReadMessageHistory']);
      return json(apiMessage(core.store, channelMessage(core, channel, params.message ?? '')));
    },
  },
  {
    method: 'PATCH',
    pattern: '/channels/:channel/messages/:message',
    auth: 'bot',
    major: 'channel',
    handle: ({ core, params, body, files }) => {
      const channel = channelFor(core, params.channel ?? '', neededForWrite(body, files, []));
      const message = channelMessage(core, channel, params.message ?? '');
      if (message.authorId !== core.settings.botUserId) throw notAuthor();
      if (core.faults.oldMessageEdits30046 && core.clock.now() - message.createdAt > HOUR_MS)
        throw oldMessageEdit();
      const ctx = writeContext(core, channel, files);
      validateMessageBody(ctx, 'MessageEditRequestPartialSchema', body, [], message);
      core.store.updateMessage(message, editChange(ctx, message, body));
      return json(apiMessage(core.store, message));
    },
  },
  {
    method: 'DELETE',
    pattern: '/channels/:channel/messages/:message',
    auth: 'bot',
    major: 'channel',
    handle: ({ core, params }) => {
      const channel = channelFor(core, params.channel ?? '', []);
      const message = channelMessage(core, channel, params.message ?? '');
      if (message.authorId !== core.settings.botUserId) channelFor(core, channel.id, ['ManageMessages']);
      core.store.deleteMessage(message);
      return noContent();
    },
  },
];
