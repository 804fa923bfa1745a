import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { StoredChannel, StoredGuild, StoredMember, StoredRole } from './types.js';

export type PermissionName = keyof typeof PermissionFlagsBits;

/** Permissions given as a bitfield, a decimal string, or a list of names such as 'SendMessages'. */
export type PermissionInput = bigint | string | readonly PermissionName[];

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What a new bot gets by default: enough to read, talk, embed and upload. */
export const DEFAULT_BOT_PERMISSIONS: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'UseExternalEmojis',
  'AddReactions',
];

/** What @everyone may do in a fresh guild (a trimmed version of Discord's defaults). */
export const DEFAULT_EVERYONE_PERMISSIONS: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'AddReactions',
  'CreateInstantInvite',
  'ChangeNickname',
];

export function toPermissionBits(input: PermissionInput | undefined, fallback = 0n): bigint {
  if (input === undefined) return fallback;
  if (typeof input === 'bigint') return input;
  if (typeof input === 'string') return BigInt(input);
  return input.reduce((bits, name) => {
    const bit = PermissionFlagsBits[name];
    if (bit === undefined) throw new Error(`Unknown permission name: ${name}`);
    return bits | bit;
  }, 0n);
}

export function hasPermission(bits: bigint, name: PermissionName): boolean {
  const bit = PermissionFlagsBits[name];
  return (bits & bit) === bit;
}

/** Guild-level permissions: @everyone plus the member's roles; administrators and the owner get all. */
export function basePermissions(
  guild: StoredGuild,
  member: StoredMember,
  roles: Map<string, StoredRole>,
): bigint {
  if (guild.ownerId === member.userId) return ALL_PERMISSIONS;
  let bits = roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member.roleIds) bits |= roles.get(roleId)?.permissions ?? 0n;
  if ((bits & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  return bits;
}

/** Discord's documented order: @everyone overwrite, then all role overwrites together, then the member's. */
export function channelPermissions(
  guild: StoredGuild,
  member: StoredMember,
  roles: Map<string, StoredRole>,
  channel: StoredChannel,
): bigint {
  let bits = basePermissions(guild, member, roles);
  if (bits === ALL_PERMISSIONS) return bits;
  const everyone = channel.overwrites.find((o) => o.id === guild.id);
  if (everyone) bits = (bits & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of channel.overwrites) {
    if (overwrite.type === OverwriteType.Role && member.roleIds.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  bits = (bits & ~deny) | allow;
  const own = channel.overwrites.find((o) => o.type === OverwriteType.Member && o.id === member.userId);
  if (own) bits = (bits & ~own.deny) | own.allow;
  // Without VIEW_CHANNEL nothing else in the channel applies.
  if (!hasPermission(bits, 'ViewChannel')) return 0n;
  return bits;
}
