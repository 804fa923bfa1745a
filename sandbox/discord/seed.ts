import { ChannelType, GatewayDispatchEvents, OverwriteType } from 'discord-api-types/v10';
import { apiChannel, guildCreatePayload } from './api-shapes.js';
import type { EmulatorCore } from './core.js';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  toPermissionBits,
  type PermissionInput,
} from './permissions.js';
import type { BoostTier, StoredChannel, StoredGuild, StoredOverwrite, StoredRole } from './types.js';

/** Seeding guilds, channels, roles and members; a guild seeded after the bot connected is dispatched to it. */

export interface RoleSeed {
  id?: string;
  name: string;
  permissions?: PermissionInput;
  color?: number;
}

export interface OverwriteSeed {
  /** A role (id or name) or a member (id or username). */
  target: string;
  type: 'role' | 'member';
  allow?: PermissionInput;
  deny?: PermissionInput;
}

export interface ChannelSeed {
  id?: string;
  name: string;
  topic?: string;
  overwrites?: OverwriteSeed[];
  /** Shorthands for a member overwrite on the bot. */
  botAllow?: PermissionInput;
  botDeny?: PermissionInput;
  /** Shorthands for the @everyone overwrite. */
  everyoneAllow?: PermissionInput;
  everyoneDeny?: PermissionInput;
}

export interface MemberSeed {
  id?: string;
  username: string;
  globalName?: string;
  nick?: string;
  /** Role ids or names. */
  roles?: string[];
  /** Gives the member the guild's "Admin" role (Administrator). */
  admin?: boolean;
  owner?: boolean;
}

export interface GuildSeed {
  id?: string;
  name: string;
  boostTier?: BoostTier;
  preferredLocale?: string;
  everyonePermissions?: PermissionInput;
  /** Permissions of the bot's own role; defaults to view, send, embed, attach, history. */
  botPermissions?: PermissionInput;
  roles?: RoleSeed[];
  channels?: ChannelSeed[];
  members?: MemberSeed[];
}

export interface SeededGuild {
  id: string;
  name: string;
  everyoneRoleId: string;
  botRoleId: string;
  channels: Record<string, string>;
  roles: Record<string, string>;
  members: Record<string, string>;
}

export class Seeder {
  constructor(private readonly core: EmulatorCore) {}

  seedGuild(seed: GuildSeed): SeededGuild {
    const { store } = this.core;
    const id = seed.id ?? store.nextId();
    const guild: StoredGuild = {
      id,
      name: seed.name,
      ownerId: '',
      boostTier: seed.boostTier ?? 0,
      preferredLocale: seed.preferredLocale ?? 'en-US',
      createdAt: this.core.clock.now(),
    };
    store.guilds.set(id, guild);
    const seeded: SeededGuild = {
      id,
      name: seed.name,
      everyoneRoleId: id,
      botRoleId: '',
      channels: {},
      roles: {},
      members: {},
    };
    this.addRole(seeded, {
      id,
      name: '@everyone',
      permissions: seed.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
    });
    seeded.botRoleId = this.addRole(seeded, {
      name: this.core.settings.botUsername,
      permissions: seed.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
    }).id;
    for (const role of seed.roles ?? []) this.addRole(seeded, role);
    store.addMember({
      guildId: id,
      userId: this.core.settings.botUserId,
      nick: null,
      roleIds: [seeded.botRoleId],
      joinedAt: guild.createdAt,
    });
    for (const member of seed.members ?? []) this.addMemberTo(seeded, member);
    const owner = seed.members?.find((m) => m.owner) ?? seed.members?.find((m) => m.admin);
    guild.ownerId = owner
      ? (seeded.members[owner.username] ?? '')
      : this.addMemberTo(seeded, { username: `${seed.name} owner` });
    for (const channel of seed.channels ?? []) this.addChannelTo(seeded, channel);
    if (this.core.gateway.connected)
      this.core.gateway.dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload(store, guild));
    return seeded;
  }

  addRole(seeded: SeededGuild, seed: RoleSeed): StoredRole {
    const role: StoredRole = {
      id: seed.id ?? this.core.store.nextId(),
      guildId: seeded.id,
      name: seed.name,
      permissions: toPermissionBits(seed.permissions),
      position: Object.keys(seeded.roles).length,
      color: seed.color ?? 0,
    };
    this.core.store.roles.set(role.id, role);
    seeded.roles[role.name] = role.id;
    return role;
  }

  addMemberTo(seeded: SeededGuild, seed: MemberSeed): string {
    const { store } = this.core;
    const userId = seed.id ?? store.nextId();
    store.users.set(userId, {
      id: userId,
      username: seed.username,
      globalName: seed.globalName ?? seed.username,
      bot: false,
    });
    const roleIds = (seed.roles ?? []).map((r) => seeded.roles[r] ?? r);
    if (seed.admin) {
      const adminRoleId =
        seeded.roles.Admin ??
        this.addRole(seeded, { name: 'Admin', permissions: ['Administrator'], color: 0xe74c3c }).id;
      roleIds.push(adminRoleId);
    }
    store.addMember({
      guildId: seeded.id,
      userId,
      nick: seed.nick ?? null,
      roleIds,
      joinedAt: this.core.clock.now(),
    });
    seeded.members[seed.username] = userId;
    return userId;
  }

  addChannelTo(seeded: SeededGuild, seed: ChannelSeed): StoredChannel {
    const overwrites: StoredOverwrite[] = [];
    const add = (id: string, type: OverwriteType, allow?: PermissionInput, deny?: PermissionInput): void => {
      if (allow === undefined && deny === undefined) return;
      overwrites.push({ id, type, allow: toPermissionBits(allow), deny: toPermissionBits(deny) });
    };
    add(seeded.id, OverwriteType.Role, seed.everyoneAllow, seed.everyoneDeny);
    for (const o of seed.overwrites ?? []) {
      const id =
        o.type === 'role' ? (seeded.roles[o.target] ?? o.target) : (seeded.members[o.target] ?? o.target);
      add(id, o.type === 'role' ? OverwriteType.Role : OverwriteType.Member, o.allow, o.deny);
    }
    add(this.core.settings.botUserId, OverwriteType.Member, seed.botAllow, seed.botDeny);
    const channel: StoredChannel = {
      id: seed.id ?? this.core.store.nextId(),
      guildId: seeded.id,
      name: seed.name,
      type: ChannelType.GuildText,
      position: Object.keys(seeded.channels).length,
      topic: seed.topic ?? null,
      overwrites,
    };
    this.core.store.channels.set(channel.id, channel);
    seeded.channels[channel.name] = channel.id;
    return channel;
  }

  /** Adds a channel to a guild that already exists (and tells a connected bot). */
  addChannel(guildId: string, seed: ChannelSeed): StoredChannel {
    const channel = this.addChannelTo(this.describe(guildId), seed);
    if (this.core.gateway.connected)
      this.core.gateway.dispatch(GatewayDispatchEvents.ChannelCreate, apiChannel(this.core.store, channel));
    return channel;
  }

  addMember(guildId: string, seed: MemberSeed): string {
    return this.addMemberTo(this.describe(guildId), seed);
  }

  setBoostTier(guildId: string, tier: BoostTier): void {
    const guild = this.core.store.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    guild.boostTier = tier;
    if (this.core.gateway.connected)
      this.core.gateway.dispatch(
        GatewayDispatchEvents.GuildUpdate,
        guildCreatePayload(this.core.store, guild),
      );
  }

  /** The name → id maps of an existing guild. */
  describe(guildId: string): SeededGuild {
    const { store } = this.core;
    const guild = store.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    const byName = <T extends { id: string }>(items: T[], name: (t: T) => string) =>
      Object.fromEntries(items.map((item) => [name(item), item.id]));
    const roles = store.guildRoles(guildId);
    return {
      id: guild.id,
      name: guild.name,
      everyoneRoleId: guild.id,
      botRoleId: store.member(guildId, this.core.settings.botUserId)?.roleIds[0] ?? '',
      channels: byName(store.guildChannels(guildId), (c) => c.name),
      roles: byName(roles, (r) => r.name),
      members: Object.fromEntries(
        store.guildMembers(guildId).flatMap((m) => {
          const user = store.users.get(m.userId);
          return user ? [[user.username, user.id]] : [];
        }),
      ),
    };
  }
}
