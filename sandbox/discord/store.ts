import { EventEmitter } from 'node:events';
import { ALL_PERMISSIONS, channelPermissions } from './permissions.js';
import { createSnowflakeFactory } from './snowflake.js';
import type {
  EmulatorClock,
  InteractionRecord,
  MessageRevision,
  RegisteredCommand,
  RestLogEntry,
  StoredAttachment,
  StoredChannel,
  StoredGuild,
  StoredMember,
  StoredMessage,
  StoredRole,
  StoredUser,
} from './types.js';

const MIB = 1024 * 1024;

/** Per-file upload limit by boost tier (Discord: 10 MiB for tiers 0-1, 50 MiB tier 2, 100 MiB tier 3). */
export function uploadLimitForTier(tier: number): number {
  if (tier >= 3) return 100 * MIB;
  if (tier === 2) return 50 * MIB;
  return 10 * MIB;
}

export type MessageEventKind = 'created' | 'updated' | 'deleted';

export interface StoreEvents {
  message: [kind: MessageEventKind, message: StoredMessage];
  interaction: [record: InteractionRecord];
  /** The bot answered an interaction's callback. */
  response: [record: InteractionRecord];
  guild: [guild: StoredGuild];
  channel: [channel: StoredChannel];
  role: [role: StoredRole];
}

/** Everything the emulated Discord knows, in memory. One instance per emulator. */
export class EmulatorStore {
  readonly events = new EventEmitter<StoreEvents>();
  readonly users = new Map<string, StoredUser>();
  readonly guilds = new Map<string, StoredGuild>();
  readonly channels = new Map<string, StoredChannel>();
  readonly roles = new Map<string, StoredRole>();
  readonly members = new Map<string, StoredMember>();
  readonly messages = new Map<string, StoredMessage>();
  readonly attachments = new Map<string, StoredAttachment>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly restLog: RestLogEntry[] = [];
  commands: RegisteredCommand[] = [];
  readonly nextId: () => string;

  constructor(
    readonly clock: EmulatorClock,
    readonly botUserId: string,
  ) {
    this.nextId = createSnowflakeFactory(() => clock.now());
    this.events.setMaxListeners(0);
  }

  member(guildId: string, userId: string): StoredMember | undefined {
    return this.members.get(`${guildId}:${userId}`);
  }

  addMember(member: StoredMember): void {
    this.members.set(`${member.guildId}:${member.userId}`, member);
  }

  guildRoles(guildId: string): StoredRole[] {
    return [...this.roles.values()]
      .filter((r) => r.guildId === guildId)
      .sort((a, b) => a.position - b.position);
  }

  guildChannels(guildId: string): StoredChannel[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  guildMembers(guildId: string): StoredMember[] {
    return [...this.members.values()].filter((m) => m.guildId === guildId);
  }

  /** A user's permissions in a channel; DMs allow everything a DM can do. */
  permissionsIn(channel: StoredChannel, userId: string): bigint {
    if (channel.guildId === null) return ALL_PERMISSIONS;
    const guild = this.guilds.get(channel.guildId);
    const member = this.member(channel.guildId, userId);
    if (!guild || !member) return 0n;
    return channelPermissions(guild, member, this.roles, channel);
  }

  uploadLimit(guildId: string | null): number {
    const guild = guildId ? this.guilds.get(guildId) : undefined;
    return uploadLimitForTier(guild?.boostTier ?? 0);
  }

  saveMessage(message: StoredMessage): void {
    this.messages.set(message.id, message);
    for (const attachment of message.attachments) this.attachments.set(attachment.id, attachment);
    this.events.emit('message', 'created', message);
  }

  /** Records the old state in the message's history, then applies the change in place. */
  updateMessage(message: StoredMessage, change: Partial<StoredMessage>): void {
    const revision: MessageRevision = {
      at: message.editedAt ?? message.createdAt,
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachmentIds: message.attachments.map((a) => a.id),
      flags: message.flags,
    };
    message.history.push(revision);
    Object.assign(message, change, { editedAt: this.clock.now() });
    for (const attachment of message.attachments) this.attachments.set(attachment.id, attachment);
    this.events.emit('message', 'updated', message);
  }

  deleteMessage(message: StoredMessage): void {
    message.deleted = true;
    this.events.emit('message', 'deleted', message);
  }

  liveMessage(id: string): StoredMessage | undefined {
    const message = this.messages.get(id);
    return message && !message.deleted ? message : undefined;
  }

  channelMessages(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.deleted);
  }
}
