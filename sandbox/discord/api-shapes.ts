import { ChannelType } from 'discord-api-types/v10';
import type {
  APIAttachment,
  APIChannel,
  APIGuildMember,
  APIMessage,
  APIRole,
  APIUser,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord-api-types/v10';
import type { EmulatorStore } from './store.js';
import type {
  EmulatedMessage,
  StoredAttachment,
  StoredChannel,
  StoredGuild,
  StoredMember,
  StoredMessage,
  StoredRole,
  StoredUser,
} from './types.js';

/** Turns stored records into the JSON shapes Discord sends. */

export const MESSAGE_FLAG_EPHEMERAL = 64;
export const MESSAGE_FLAG_LOADING = 128;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function apiUser(user: StoredUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: '0',
    avatar: null,
    bot: user.bot,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}

export function apiRole(role: StoredRole): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function apiMember(store: EmulatorStore, member: StoredMember): APIGuildMember {
  const user = store.users.get(member.userId);
  if (!user) throw new Error(`member without user ${member.userId}`);
  return {
    user: apiUser(user),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: member.roleIds,
    joined_at: iso(member.joinedAt),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
}

export function apiChannel(store: EmulatorStore, channel: StoredChannel): APIChannel {
  if (channel.type === ChannelType.DM) {
    const recipient = channel.recipientId ? store.users.get(channel.recipientId) : undefined;
    return {
      id: channel.id,
      type: ChannelType.DM,
      name: null,
      last_message_id: null,
      recipients: recipient ? [apiUser(recipient)] : [],
      flags: 0 as ChannelFlags,
    };
  }
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: channel.guildId ?? undefined,
    name: channel.name,
    position: channel.position,
    topic: channel.topic,
    nsfw: false,
    parent_id: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
}

/** GUILD_CREATE data: the guild with its roles, channels and members (the bot's own included). */
export function guildCreatePayload(store: EmulatorStore, guild: StoredGuild): Record<string, unknown> {
  const members = store.guildMembers(guild.id);
  const bot = store.member(guild.id, store.botUserId);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'us-west',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: store.guildRoles(guild.id).map(apiRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: guild.boostTier,
    premium_subscription_count: [0, 2, 7, 14][guild.boostTier] ?? 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    joined_at: iso(bot?.joinedAt ?? guild.createdAt),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members: members.map((m) => apiMember(store, m)),
    channels: store.guildChannels(guild.id).map((c) => apiChannel(store, c)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function apiAttachment(attachment: StoredAttachment): APIAttachment {
  return {
    id: attachment.id,
    filename: attachment.filename,
    size: attachment.size,
    url: attachment.url,
    proxy_url: attachment.url,
    content_type: attachment.contentType,
    ...(attachment.description ? { description: attachment.description } : {}),
    ...(attachment.width !== undefined ? { width: attachment.width, height: attachment.height ?? null } : {}),
  };
}

export function apiMessage(store: EmulatorStore, message: StoredMessage): APIMessage {
  const author = store.users.get(message.authorId);
  if (!author) throw new Error(`message without author ${message.authorId}`);
  const interaction = message.interactionId ? store.interactions.get(message.interactionId) : undefined;
  const invoker = interaction ? store.users.get(interaction.userId) : undefined;
  const api: APIMessage = {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    author: apiUser(author),
    content: message.content,
    timestamp: iso(message.createdAt),
    edited_timestamp: message.editedAt === null ? null : iso(message.editedAt),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments.map(apiAttachment),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(message.webhookId ? { webhook_id: message.webhookId, application_id: message.webhookId } : {}),
  };
  if (interaction && invoker) {
    api.interaction_metadata = {
      id: interaction.id,
      type: interaction.type,
      user: apiUser(invoker),
      authorizing_integration_owners: interaction.guildId
        ? { '0': interaction.guildId }
        : { '1': invoker.id },
      ...(interaction.originalMessageId && interaction.originalMessageId !== message.id
        ? { original_response_message_id: interaction.originalMessageId }
        : {}),
    };
  }
  return api;
}

export function emulatedMessage(store: EmulatorStore, message: StoredMessage): EmulatedMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.authorId,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      url: a.url,
      bytes: a.bytes,
      ...(a.width !== undefined ? { width: a.width, height: a.height ?? 0 } : {}),
    })),
    flags: message.flags,
    ephemeral: (message.flags & MESSAGE_FLAG_EPHEMERAL) !== 0,
    loading: (message.flags & MESSAGE_FLAG_LOADING) !== 0,
    ...(message.ephemeralOwnerId ? { ephemeralOwnerId: message.ephemeralOwnerId } : {}),
    ...(message.interactionId ? { interactionId: message.interactionId } : {}),
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    history: message.history,
    deleted: message.deleted,
    api: apiMessage(store, message),
  };
}
