import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { RegisteredCommand } from './types.js';

/**
 * Which registered commands Discord's client offers a member. A command's `default_member_permissions`
 * (a decimal string, as Discord sends it) lists permissions the member must all hold; "0" leaves it to
 * administrators; null offers it to everyone. The client hides the rest, so a member cannot run them.
 */

export function isOfferedTo(command: RegisteredCommand, memberPermissions: bigint): boolean {
  const needed = command.default_member_permissions;
  if (needed === null || needed === undefined) return true;
  if ((memberPermissions & PermissionFlagsBits.Administrator) !== 0n) return true;
  const bits = BigInt(needed);
  return bits !== 0n && (memberPermissions & bits) === bits;
}

/** The permission names a command needs, for the refusal ("needs ManageGuild"). */
export function neededPermissionNames(command: RegisteredCommand): string[] {
  const needed = BigInt(command.default_member_permissions ?? '0');
  if (needed === 0n) return ['Administrator'];
  return Object.entries(PermissionFlagsBits)
    .filter(([, bit]) => (needed & bit) === bit)
    .map(([name]) => name);
}
