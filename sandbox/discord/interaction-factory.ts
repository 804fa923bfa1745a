import { ChannelType, GatewayDispatchEvents } from 'discord-api-types/v10';
import type { APIInteraction, InteractionType } from 'discord-api-types/v10';
import { apiChannel, apiUser, iso } from './api-shapes.js';
import type { EmulatorCore } from './core.js';
import { createInteractionToken } from './snowflake.js';
import type { InteractionRecord } from './types.js';

/** Builds INTERACTION_CREATE payloads with every field discord.js reads, records them and dispatches them. */

export interface InteractionOrigin {
  userId: string;
  guildId: string | null;
  channelId: string;
  locale?: string;
}

export interface InteractionSpec extends InteractionOrigin {
  type: InteractionType;
  data: unknown;
  /** Raw message for component interactions (and modals opened from one). */
  message?: unknown;
  sourceMessageId?: string;
  parentInteractionId?: string;
}

export function createInteraction(core: EmulatorCore, spec: InteractionSpec): InteractionRecord {
  const { store, settings } = core;
  if (!core.gateway.connected) throw new Error('The bot is not connected to the emulator gateway');
  const user = store.users.get(spec.userId);
  const channel = store.channels.get(spec.channelId);
  if (!user) throw new Error(`Unknown user ${spec.userId}`);
  if (!channel) throw new Error(`Unknown channel ${spec.channelId}`);
  const guild = spec.guildId ? store.guilds.get(spec.guildId) : undefined;
  const member = spec.guildId ? store.member(spec.guildId, spec.userId) : undefined;
  if (spec.guildId && !member)
    throw new Error(`User ${user.username} is not a member of guild ${spec.guildId}`);
  const id = store.nextId();
  const token = createInteractionToken(id);
  const appPermissions = store.permissionsIn(channel, settings.botUserId);
  const payload: Record<string, unknown> = {
    id,
    application_id: settings.applicationId,
    type: spec.type,
    data: spec.data,
    channel: {
      ...apiChannel(store, channel),
      permissions: store.permissionsIn(channel, spec.userId).toString(),
    },
    channel_id: channel.id,
    token,
    version: 1,
    app_permissions: appPermissions.toString(),
    // Discord sends the language of the member's client with every interaction.
    locale: spec.locale ?? user.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: store.uploadLimit(spec.guildId),
    ...(spec.message ? { message: spec.message } : {}),
  };
  if (guild && member) {
    payload.guild_id = guild.id;
    payload.guild = { id: guild.id, locale: guild.preferredLocale, features: [] };
    payload.guild_locale = guild.preferredLocale;
    payload.member = {
      user: apiUser(user),
      roles: member.roleIds,
      nick: member.nick,
      avatar: null,
      joined_at: iso(member.joinedAt),
      premium_since: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      permissions: store.permissionsIn(channel, user.id).toString(),
    };
    payload.authorizing_integration_owners = { '0': guild.id };
    payload.context = 0;
  } else {
    payload.user = apiUser(user);
    payload.authorizing_integration_owners = { '0': '0', '1': user.id };
    payload.context = channel.type === ChannelType.DM ? 1 : 2;
  }
  const record: InteractionRecord = {
    id,
    token,
    type: spec.type,
    payload: payload as unknown as APIInteraction,
    userId: user.id,
    guildId: guild?.id ?? null,
    channelId: channel.id,
    dispatchedAt: core.clock.now(),
    sentAt: performance.now(),
    acknowledged: false,
    initialResponses: 0,
    followUpIds: [],
    ...(spec.sourceMessageId ? { sourceMessageId: spec.sourceMessageId } : {}),
    ...(spec.parentInteractionId ? { parentInteractionId: spec.parentInteractionId } : {}),
  };
  store.interactions.set(id, record);
  store.interactionsByToken.set(token, record);
  store.events.emit('interaction', record);
  core.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
  return record;
}
